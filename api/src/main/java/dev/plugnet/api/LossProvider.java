package dev.plugnet.api;

/**
 * Provides a {@link Loss}, named in JSON by {@code "loss": {"type": "cross_entropy"}}.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface LossProvider extends PluginProvider {
    /**
     * @param context the checked options and K, the network's output width
     * @return a new loss
     * @throws ConfigException (through {@link Options#error}) if the options do not fit K (per-class options
     *         of another length, for example)
     */
    Loss create(LossContext context);

    /**
     * @return whether this loss needs each output row to be a probability distribution (see
     *         {@link ActivationProvider#outputsDistribution()}); the assembler refuses a network whose output
     *         activation does not give one
     */
    default boolean needsDistribution() {
        return false;
    }
}
