package dev.plugnet.api;

/**
 * Provides an {@link Optimizer}, named in JSON by {@code "optimizer": {"type": "adam", "learning_rate": 0.01}}.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface OptimizerProvider extends PluginProvider {
    /**
     * @param context the parameters to update (in the network's order), the checked options and a seed
     * @return a new optimizer with fresh state
     * @throws ConfigException (through {@link Options#error}) if the options are not usable
     */
    Optimizer create(OptimizerContext context);
}
