package com.example.plugnet.optimizers;

import dev.plugnet.api.Optimizer;
import dev.plugnet.api.OptimizerContext;
import dev.plugnet.api.OptimizerProvider;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.Options;

import java.util.List;

/**
 * Provides {@code rmsprop} (see {@link RmspropOptimizer}):
 * {@code {"type": "rmsprop", "learning_rate": 0.01, "rho": 0.99}}.
 */
public final class RmspropOptimizerProvider implements OptimizerProvider {
    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.number("learning_rate", 0.01, "Step size η.").greaterThan(0),
            OptionSpec.number("rho", 0.99, "Decay ρ of the running mean of squared gradients, >= 0 and < 1.")
                    .atLeast(0).lessThan(1),
            OptionSpec.number("epsilon", 1e-8, "ε added to √v, > 0.").greaterThan(0),
            OptionSpec.number("weight_decay", 0.0, "L2 penalty λ added to the gradient of weights (not biases).")
                    .atLeast(0));

    /** Creates the provider; it holds no state. */
    public RmspropOptimizerProvider() {
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public String description() {
        return "RMSprop (PyTorch semantics): steps scaled by a running root mean square of the gradients.";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public Optimizer create(OptimizerContext context) {
        Options options = context.options();
        return new RmspropOptimizer(context.parameters(), options.number("learning_rate"), options.number("rho"),
                options.number("epsilon"), options.number("weight_decay"));
    }
}
