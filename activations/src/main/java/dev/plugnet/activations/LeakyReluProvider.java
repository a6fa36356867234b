package dev.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ActivationContext;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.Formulas;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.Options;
import java.util.List;

/**
 * Provides {@code leaky_relu}, {@code a} for positive inputs and {@code slope · a} otherwise (see
 * {@link LeakyRelu}): {@code {"type": "leaky_relu", "slope": 0.1}}.
 */
public final class LeakyReluProvider implements ActivationProvider {
    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.number("slope", 0.01, "Gradient for inputs <= 0.").atLeast(0));

    /** Creates the provider; it holds no state. */
    public LeakyReluProvider() {
    }

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public String description() {
        return "Leaky rectifier: a where a > 0, slope * a elsewhere, element-wise.";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public Activation create(ActivationContext context) {
        Options options = context.options();
        return new LeakyRelu(options.number("slope"));
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("{in} where {in} > 0, slope · {in} elsewhere", "dL/d{out} ⊙ ([{in} > 0] + slope · [{in} ≤ 0])");
    }
}
