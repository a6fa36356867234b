package dev.plugnet.losses;

import dev.plugnet.api.Loss;
import dev.plugnet.api.LossContext;
import dev.plugnet.api.LossProvider;
import dev.plugnet.api.Formulas;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.Options;

import java.util.List;

/**
 * Provides {@code cross_entropy}, the mean cross-entropy of a distribution output against targets (see
 * {@link CrossEntropyLoss}); it needs an output activation whose rows are distributions, such as softmax.
 * Option {@code class_weights}: K non-negative numbers {@code w_k}, one per output in class order, giving
 * {@code L = −(1/B) Σ_b Σ_k w_k t_bk ln s_bk} (absent: every {@code w_k = 1}).
 */
public final class CrossEntropyLossProvider implements LossProvider {
    /** Creates the provider; it holds no state. */
    public CrossEntropyLossProvider() {
    }

    @Override
    public String name() {
        return "cross_entropy";
    }

    @Override
    public String description() {
        return "Mean cross-entropy -(1/B) sum t ln s of a distribution output against target rows.";
    }

    /** Per-class weights of the loss, in the network's output (class) order. */
    public static final String CLASS_WEIGHTS = "class_weights";

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.numberList(CLASS_WEIGHTS, "One non-negative weight w_k per class, in output"
                + " order: L = -(1/B) sum_b sum_k w_k t_bk ln s_bk (default: every w_k = 1)."));
    }

    @Override
    public Loss create(LossContext context) {
        return new CrossEntropyLoss(weights(context.options(), context.outputs()));
    }

    /**
     * @return the checked class weights of {@code options}, or {@code null} when none are given
     * @throws dev.plugnet.api.ConfigException naming {@code class_weights} if there are not K of them, one is
     *         negative or not finite, or all are 0
     */
    public static double[] weights(Options options, int outputs) {
        if (!options.has(CLASS_WEIGHTS)) {
            return null;
        }
        double[] w = options.numberList(CLASS_WEIGHTS);
        if (w.length != outputs) {
            throw options.error(CLASS_WEIGHTS, "expected " + outputs + " weights, one per output (class), got "
                    + w.length);
        }
        double sum = 0;
        for (int k = 0; k < w.length; k++) {
            if (!(w[k] >= 0) || !Double.isFinite(w[k])) {
                throw options.error(CLASS_WEIGHTS, "expected non-negative finite weights, got " + w[k]
                        + " at position " + k);
            }
            sum += w[k];
        }
        if (sum == 0) {
            throw options.error(CLASS_WEIGHTS, "every weight is 0; at least one class must count");
        }
        return w;
    }

    /** @return {@code true}: {@code ln s} needs each output row to be a distribution */
    @Override
    public boolean needsDistribution() {
        return true;
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("−(1/B) Σ_b Σ_k t_bk ln {in}_bk", "−(1/B) · t / {in}");
    }

    /** With {@code class_weights}, the weighted loss and step 1: {@code −(1/B) Σ w_k t_bk ln s_bk}. */
    @Override
    public Formulas formulas(dev.plugnet.api.Options options) {
        if (!options.has(CLASS_WEIGHTS)) {
            return formulas();
        }
        return Formulas.of("−(1/B) Σ_b Σ_k w_k t_bk ln {in}_bk   (w: class_weights)", "−(1/B) · w ⊙ t / {in}");
    }
}
