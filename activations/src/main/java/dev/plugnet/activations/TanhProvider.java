package dev.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.Options;

/** Provides {@code tanh}, the hyperbolic tangent (see {@link Tanh}). */
public final class TanhProvider implements ActivationProvider {
    /** Creates the provider; it holds no state. */
    public TanhProvider() {
    }

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String description() {
        return "Hyperbolic tangent, element-wise, with outputs in (-1, 1).";
    }

    @Override
    public Activation create(Options options) {
        return new Tanh();
    }
}
