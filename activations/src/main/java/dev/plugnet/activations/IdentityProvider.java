package dev.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ActivationContext;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.Formulas;

/** Provides {@code identity}, which leaves its input unchanged (a linear output, for regression). */
public final class IdentityProvider implements ActivationProvider {
    /** Creates the provider; it holds no state. */
    public IdentityProvider() {
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public String description() {
        return "Identity, a linear output: y = a.";
    }

    @Override
    public Activation create(ActivationContext context) {
        return new Identity();
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("{in}", "dL/d{out}");
    }
}
