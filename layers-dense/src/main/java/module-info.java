/**
 * The {@code dense} layer plugin: a fully connected layer {@code a = x·W + b} (SPEC.md), with its backward
 * (steps 3–5 and 7–8).
 */
module dev.plugnet.layers.dense {
    requires dev.plugnet.api;

    provides dev.plugnet.api.LayerProvider with dev.plugnet.layers.dense.DenseLayerProvider;
}
