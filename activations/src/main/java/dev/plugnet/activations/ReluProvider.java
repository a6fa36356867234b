package dev.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ActivationContext;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.Formulas;

/** Provides {@code relu}, the rectifier {@code max(0, a)} (see {@link Relu}). */
public final class ReluProvider implements ActivationProvider {
    /** Creates the provider; it holds no state. */
    public ReluProvider() {
    }

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String description() {
        return "Rectified linear unit max(0, a), element-wise.";
    }

    @Override
    public Activation create(ActivationContext context) {
        return new Relu();
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("max(0, {in})", "dL/d{out} ⊙ [{in} > 0]");
    }
}
