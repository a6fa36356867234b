package dev.plugnet.api;

/**
 * Provides an {@link Activation}, named in a layer's JSON by {@code "activation"}: either a name
 * ({@code "sigmoid"}) or an object with options ({@code {"type": "relu"}}).
 */
public interface ActivationProvider extends PluginProvider {
    /**
     * @param options the checked options
     * @return a new activation
     */
    Activation create(Options options);

    /**
     * @return whether every output row is a probability distribution (non-negative, summing to 1), as softmax's
     *         is; a loss such as {@code cross_entropy} requires it of the network's output
     */
    default boolean outputsDistribution() {
        return false;
    }
}
