package dev.plugnet.api;

import java.util.Objects;

/**
 * What a {@link LossProvider} gets to build the network's loss: a request object, so that what plugnet tells
 * a provider can grow without breaking it.
 *
 * @param options the loss's options, checked against {@link LossProvider#options()}; a provider with per-class
 *        options checks their length against {@code outputs} and reports a mismatch with
 *        {@link Options#error}
 * @param outputs K, the width of the network's output (the number of classes for a classifier)
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public record LossContext(Options options, int outputs) {
    public LossContext {
        Objects.requireNonNull(options, "options");
        if (outputs < 1) {
            throw new IllegalArgumentException("outputs must be >= 1, got " + outputs);
        }
    }
}
