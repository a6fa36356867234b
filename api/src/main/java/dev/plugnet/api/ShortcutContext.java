package dev.plugnet.api;

import java.util.Objects;

/**
 * What a {@link ShortcutProvider} is asked about and built from: the network's tail, its output activation
 * and its loss, each with its checked options. The same context is given to
 * {@link ShortcutProvider#covers(ShortcutContext)} and {@link ShortcutProvider#create(ShortcutContext)}, so a
 * shortcut that depends on the loss's parameters (a focal loss's γ, class weights) covers and computes exactly
 * that loss.
 *
 * @param activationOptions the output activation's options, checked against its provider's options
 * @param lossOptions the loss's options, checked against its provider's options
 * @param outputs K, the width of the network's output
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public record ShortcutContext(Options activationOptions, Options lossOptions, int outputs) {
    public ShortcutContext {
        Objects.requireNonNull(activationOptions, "activationOptions");
        Objects.requireNonNull(lossOptions, "lossOptions");
        if (outputs < 1) {
            throw new IllegalArgumentException("outputs must be >= 1, got " + outputs);
        }
    }

    /** @return the activation's context, as its provider received it */
    public ActivationContext activation() {
        return new ActivationContext(activationOptions, outputs);
    }

    /** @return the loss's context, as its provider received it */
    public LossContext loss() {
        return new LossContext(lossOptions, outputs);
    }
}
