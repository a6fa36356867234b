package com.example.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ActivationContext;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.Formulas;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.support.ElementwiseActivation;

import java.util.List;

/**
 * Provides {@code swish} (SiLU when β = 1), {@code z = a · σ(βa)} element by element, built from its function
 * and derivative with {@link ElementwiseActivation}: {@code f′(a) = σ(βa) + βa · σ(βa)(1 − σ(βa))}.
 * {@code {"type": "swish", "beta": 1.0}}.
 */
public final class SwishProvider implements ActivationProvider {
    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.number("beta", 1.0, "The slope β inside the sigmoid: z = a·σ(βa) (1 is SiLU).")
                    .greaterThan(0));

    /** Creates the provider; it holds no state. */
    public SwishProvider() {
    }

    @Override
    public String name() {
        return "swish";
    }

    @Override
    public String description() {
        return "Swish z = a·sigmoid(beta·a), element by element (SiLU when beta is 1).";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public Activation create(ActivationContext context) {
        double beta = context.options().number("beta");
        return ElementwiseActivation.of("swish",
                a -> a * sigmoid(beta * a),
                (a, z) -> {
                    double s = sigmoid(beta * a);
                    return s + beta * a * s * (1 - s);
                });
    }

    /** σ(v) = 1 / (1 + e^−v): 0 or 1 in the tails, never NaN. */
    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("{in} ⊙ σ(β·{in})", "dL/d{out} ⊙ (σ(β·{in}) + β·{in} ⊙ σ(β·{in}) ⊙ (1 − σ(β·{in})))");
    }
}
