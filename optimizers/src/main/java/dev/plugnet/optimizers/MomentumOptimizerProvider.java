package dev.plugnet.optimizers;

import dev.plugnet.api.Optimizer;
import dev.plugnet.api.OptimizerContext;
import dev.plugnet.api.OptimizerProvider;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.Options;
import dev.plugnet.api.Parameter;
import java.util.List;

/**
 * Provides {@code momentum}, gradient descent with (optionally Nesterov) momentum (see
 * {@link MomentumOptimizer}): {@code {"type": "momentum", "learning_rate": 0.01, "momentum": 0.9}}.
 */
public final class MomentumOptimizerProvider implements OptimizerProvider {
    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.number("learning_rate", 0.01, "Step size η.").greaterThan(0),
            OptionSpec.number("momentum", 0.9, "Momentum factor μ, >= 0 and < 1.").atLeast(0).lessThan(1),
            OptionSpec.bool("nesterov", false, "Whether to use Nesterov momentum."),
            OptionSpec.number("weight_decay", 0.0, "L2 penalty λ added to the gradient of weights (not biases).")
                    .atLeast(0));

    /** Creates the provider; it holds no state. */
    public MomentumOptimizerProvider() {
    }

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    public String description() {
        return "Gradient descent with momentum (PyTorch semantics), optionally Nesterov.";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public Optimizer create(OptimizerContext context) {
        List<Parameter> parameters = context.parameters();
        Options options = context.options();
        return new MomentumOptimizer(parameters, options.number("learning_rate"),
                options.number("momentum"), options.bool("nesterov"),
                options.number("weight_decay"));
    }
}
