package dev.plugnet.losses.shortcut;

import dev.plugnet.api.Formulas;
import dev.plugnet.api.Shortcut;
import dev.plugnet.api.ShortcutContext;
import dev.plugnet.api.ShortcutProvider;

/**
 * Offers {@code softmax_cross_entropy}, the fused backward for a network whose output activation is
 * {@code softmax} and whose loss is {@code cross_entropy} (see {@link SoftmaxCrossEntropyShortcut}). It is exact
 * for every target, so it covers the tail whatever the options.
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

    @Override
    public Shortcut create(ShortcutContext context) {
        return new SoftmaxCrossEntropyShortcut();
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("−(1/B) Σ_b Σ_k t_bk · log_softmax({in})_bk   (log-sum-exp on the logits)",
                "(1/B)({out} ⊙ rowsum(t) − t)");
    }
}
