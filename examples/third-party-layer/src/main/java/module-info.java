/**
 * Two layer plugins for plugnet, written outside the project: {@code layer_norm} and {@code dropout}. The whole
 * registration is the {@code provides} line (and the matching {@code META-INF/services} file for the class
 * path).
 */
module com.example.plugnet.layers {
    requires dev.plugnet.api;

    provides dev.plugnet.api.LayerProvider
            with com.example.plugnet.layers.LayerNormProvider, com.example.plugnet.layers.DropoutProvider;
}
