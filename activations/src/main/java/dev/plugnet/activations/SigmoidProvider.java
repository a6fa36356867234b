package dev.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.Options;

/** Provides {@code sigmoid}, the logistic function {@code 1 / (1 + e^−a)} (see {@link Sigmoid}). */
public final class SigmoidProvider implements ActivationProvider {
    /** Creates the provider; it holds no state. */
    public SigmoidProvider() {
    }

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String description() {
        return "Logistic function 1 / (1 + e^-a), element-wise, with outputs in (0, 1).";
    }

    @Override
    public Activation create(Options options) {
        return new Sigmoid();
    }
}
