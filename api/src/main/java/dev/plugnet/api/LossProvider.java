package dev.plugnet.api;

/**
 * Provides a {@link Loss}, named in JSON by {@code "loss": {"type": "cross_entropy"}}.
 */
public interface LossProvider extends PluginProvider {
    /**
     * @param options the checked options
     * @return a new loss
     */
    Loss create(Options options);

    /**
     * @return whether this loss needs each output row to be a probability distribution (see
     *         {@link ActivationProvider#outputsDistribution()}); the assembler refuses a network whose output
     *         activation does not give one
     */
    default boolean needsDistribution() {
        return false;
    }
}
