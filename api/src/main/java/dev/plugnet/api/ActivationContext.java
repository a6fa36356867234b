package dev.plugnet.api;

import java.util.Objects;

/**
 * What an {@link ActivationProvider} gets to build one activation: a request object, so that what plugnet
 * tells a provider can grow without breaking it.
 *
 * @param options the activation's options, checked against {@link ActivationProvider#options()}
 * @param width n, the width of the layer output the activation is applied to (K for the output layer)
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public record ActivationContext(Options options, int width) {
    public ActivationContext {
        Objects.requireNonNull(options, "options");
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
    }
}
