package dev.plugnet.api;

/**
 * Provides a kind of {@link Layer}, named in JSON by {@code "type"}: {@code {"type": "dense", "units": 4}}.
 */
public interface LayerProvider extends PluginProvider {
    /**
     * Builds a layer with freshly initialised parameters.
     *
     * @param context the input width, the checked options and a seed
     * @return a new layer whose {@link Layer#inputWidth()} is {@code context.inputWidth()}
     * @throws ConfigException (through {@link Options#error}) if the options do not fit the input width
     */
    Layer create(LayerContext context);
}
