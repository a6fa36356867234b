package dev.plugnet.optimizers;

import dev.plugnet.api.Optimizer;
import dev.plugnet.api.OptimizerContext;
import dev.plugnet.api.OptimizerProvider;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.Options;
import dev.plugnet.api.Parameter;
import java.util.List;

/**
 * Provides {@code adam}, Adam with bias-corrected moments and optional (L2 or decoupled AdamW-style) weight
 * decay (see {@link AdamOptimizer}): {@code {"type": "adam", "learning_rate": 0.001}}.
 */
public final class AdamOptimizerProvider implements OptimizerProvider {
    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.number("learning_rate", 0.001, "Step size η.").greaterThan(0),
            OptionSpec.number("beta1", 0.9, "Decay of the first moment (mean), >= 0 and < 1.").atLeast(0).lessThan(1),
            OptionSpec.number("beta2", 0.999, "Decay of the second moment (uncentred variance), >= 0 and < 1.")
                    .atLeast(0).lessThan(1),
            OptionSpec.number("epsilon", 1e-8, "Added to the denominator for numerical stability.").greaterThan(0),
            OptionSpec.number("weight_decay", 0.0, "Weight decay λ for weights (not biases).").atLeast(0),
            OptionSpec.bool("decoupled", false,
                    "Whether weight decay is decoupled (AdamW: W -= learning_rate * λ * W) instead of L2."));

    /** Creates the provider; it holds no state. */
    public AdamOptimizerProvider() {
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public String description() {
        return "Adam with bias-corrected moments (PyTorch semantics); decoupled weight decay gives AdamW.";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public Optimizer create(OptimizerContext context) {
        List<Parameter> parameters = context.parameters();
        Options options = context.options();
        return new AdamOptimizer(parameters, options.number("learning_rate"),
                options.number("beta1"), options.number("beta2"),
                options.number("epsilon"), options.number("weight_decay"), options.bool("decoupled"));
    }
}
