package dev.plugnet.api;

/**
 * Provides a kind of {@link Layer}, named in JSON by {@code "type"}: {@code {"type": "dense", "units": 4}}.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface LayerProvider extends PluginProvider {
    /**
     * Builds a layer with freshly initialised parameters.
     *
     * @param context the input width, the checked options and a seed
     * @return a new layer whose {@link Layer#inputWidth()} is {@code context.inputWidth()}
     * @throws ConfigException (through {@link Options#error}) if the options do not fit the input width
     */
    Layer create(LayerContext context);

    /**
     * Plans the layer from its options without building it. The default says the layer keeps its input width
     * and has no parameters; a layer that changes the width or owns parameters must override it, and
     * {@link #create} must then build exactly what was planned.
     *
     * @param inputWidth n_in
     * @param options the checked options
     * @return the output width and parameter count the layer will have
     */
    default LayerPlan plan(int inputWidth, Options options) {
        return new LayerPlan(inputWidth, 0);
    }

    /**
     * @return the option that sets this layer's output width ({@code units} for {@code dense}), or {@code null}
     *         (the default) when no single option sets it. On a model's last layer that option may be left out
     *         or given as {@code "auto"}: plugnet then sets it to the number of outputs the data needs (the
     *         classes, or the target columns). The option should be an integer one of {@link #options()}.
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
    default String widthOption() {
        return null;
    }
}
