/**
 * Plugins for plugnet, written outside the project: one of every kind. Layers {@code layer_norm} and
 * {@code dropout}, the {@code swish} activation, the {@code focal} loss, the {@code rmsprop} optimizer and the
 * {@code softmax_focal} shortcut. The whole registration is the {@code provides} lines (and the matching
 * {@code META-INF/services} files for the class path).
 */
module com.example.plugnet.layers {
    requires dev.plugnet.api;

    provides dev.plugnet.api.LayerProvider
            with com.example.plugnet.layers.LayerNormProvider, com.example.plugnet.layers.DropoutProvider;
    provides dev.plugnet.api.ActivationProvider with com.example.plugnet.activations.SwishProvider;
    provides dev.plugnet.api.LossProvider with com.example.plugnet.losses.FocalLossProvider;
    provides dev.plugnet.api.OptimizerProvider with com.example.plugnet.optimizers.RmspropOptimizerProvider;
    provides dev.plugnet.api.ShortcutProvider with com.example.plugnet.shortcuts.SoftmaxFocalShortcutProvider;
}
