package dev.plugnet.api;

/**
 * Provides an {@link Activation}, named in a layer's JSON by {@code "activation"}: either a name
 * ({@code "sigmoid"}) or an object with options ({@code {"type": "relu"}}).
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface ActivationProvider extends PluginProvider {
    /**
     * @param context the checked options and the width n of the output the activation applies to
     * @return a new activation
     * @throws ConfigException (through {@link Options#error}) if the options do not fit the width
     */
    Activation create(ActivationContext context);

    /**
     * @return whether every output row is a probability distribution (non-negative, summing to 1), as softmax's
     *         is; a loss such as {@code cross_entropy} requires it of the network's output
     */
    default boolean outputsDistribution() {
        return false;
    }
}
