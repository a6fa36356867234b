package dev.plugnet.optimizers;

import dev.plugnet.api.Optimizer;
import dev.plugnet.api.OptimizerContext;
import dev.plugnet.api.OptimizerProvider;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.Options;
import dev.plugnet.api.Parameter;
import java.util.List;

/**
 * Provides {@code sgd}, plain gradient descent with optional weight decay (see {@link SgdOptimizer}):
 * {@code {"type": "sgd", "learning_rate": 0.1}}.
 */
public final class SgdOptimizerProvider implements OptimizerProvider {
    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.number("learning_rate", 0.1, "Step size η.").greaterThan(0),
            OptionSpec.number("weight_decay", 0.0, "L2 penalty λ added to the gradient of weights (not biases).")
                    .atLeast(0));

    /** Creates the provider; it holds no state. */
    public SgdOptimizerProvider() {
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public String description() {
        return "Stochastic gradient descent: W -= learning_rate * (dL/dW + weight_decay * W).";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public Optimizer create(OptimizerContext context) {
        List<Parameter> parameters = context.parameters();
        Options options = context.options();
        return new SgdOptimizer(parameters, options.number("learning_rate"), options.number("weight_decay"));
    }
}
