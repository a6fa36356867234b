package dev.plugnet.losses.shortcut;

import dev.plugnet.api.Formulas;
import dev.plugnet.api.Options;
import dev.plugnet.api.Shortcut;
import dev.plugnet.api.ShortcutContext;
import dev.plugnet.api.ShortcutProvider;

/**
 * Offers {@code softmax_cross_entropy}, the fused backward for a network whose output activation is
 * {@code softmax} and whose loss is {@code cross_entropy} (see {@link SoftmaxCrossEntropyShortcut}). It is exact
 * for every target and implements the loss's {@code class_weights} ({@code dL/da = (1/B)(s ⊙ Σ_k w_k t_bk −
 * w ⊙ t)}), so it covers the tail whatever the options.
 */
public final class SoftmaxCrossEntropyShortcutProvider implements ShortcutProvider {
    /** Creates the provider; it holds no state. */
    public SoftmaxCrossEntropyShortcutProvider() {
    }

    @Override
    public String name() {
        return "softmax_cross_entropy";
    }

    @Override
    public String description() {
        return "Fused softmax + cross-entropy backward: dL/da = (s * rowsum(t) - t) / B, loss by log-sum-exp.";
    }

    @Override
    public String activation() {
        return "softmax";
    }

    @Override
    public String loss() {
        return "cross_entropy";
    }

    /** The loss option the shortcut reads: one weight per class (see {@code cross_entropy}). */
    static final String CLASS_WEIGHTS = "class_weights";

    @Override
    public Shortcut create(ShortcutContext context) {
        Options loss = context.lossOptions();
        if (!loss.has(CLASS_WEIGHTS)) {
            return new SoftmaxCrossEntropyShortcut();
        }
        double[] w = loss.numberList(CLASS_WEIGHTS);
        if (w.length != context.outputs()) {
            throw loss.error(CLASS_WEIGHTS, "expected " + context.outputs() + " weights, one per output (class), got "
                    + w.length);
        }
        return new SoftmaxCrossEntropyShortcut(w);
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("−(1/B) Σ_b Σ_k t_bk · log_softmax({in})_bk   (log-sum-exp on the logits)",
                "(1/B)({out} ⊙ rowsum(t) − t)");
    }

    /** With the loss's {@code class_weights}: {@code dL/da = (1/B)(s ⊙ Σ_k w_k t_bk − w ⊙ t)}. */
    @Override
    public Formulas formulas(ShortcutContext context) {
        if (!context.lossOptions().has(CLASS_WEIGHTS)) {
            return formulas();
        }
        return Formulas.of("−(1/B) Σ_b Σ_k w_k t_bk · log_softmax({in})_bk   (w: class_weights; log-sum-exp)",
                "(1/B)({out} ⊙ Σ_k w_k t_bk − w ⊙ t)");
    }
}
