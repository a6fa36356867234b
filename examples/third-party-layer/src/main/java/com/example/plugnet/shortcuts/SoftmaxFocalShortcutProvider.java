package com.example.plugnet.shortcuts;

import dev.plugnet.api.Formulas;
import dev.plugnet.api.Shortcut;
import dev.plugnet.api.ShortcutContext;
import dev.plugnet.api.ShortcutProvider;

/**
 * Provides {@code softmax_focal}, the fused backward of a softmax output with the {@code focal} loss (see
 * {@link SoftmaxFocalShortcut}). It reads γ from the loss's own options, so it covers the tail whatever γ is
 * (the option's name and default are the focal loss's: {@code gamma}, 2).
 */
public final class SoftmaxFocalShortcutProvider implements ShortcutProvider {
    /** Creates the provider; it holds no state. */
    public SoftmaxFocalShortcutProvider() {
    }

    @Override
    public String name() {
        return "softmax_focal";
    }

    @Override
    public String description() {
        return "Fused softmax + focal backward from the logits (log-sum-exp): finite where softmax underflows.";
    }

    @Override
    public String activation() {
        return "softmax";
    }

    @Override
    public String loss() {
        return "focal";
    }

    /** @return whether the loss's options give γ, as the {@code focal} loss of this jar does */
    @Override
    public boolean covers(ShortcutContext context) {
        return context.lossOptions().has("gamma");
    }

    @Override
    public Shortcut create(ShortcutContext context) {
        return new SoftmaxFocalShortcut(context.lossOptions().number("gamma"));
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("−(1/B) Σ_b Σ_k t_bk (1 − {out}_bk)^γ log_softmax({in})_bk",
                "u − {out} ⊙ rowsum(u),  u = −(1/B) · t ⊙ ((1 − {out})^γ − γ {out} ⊙ (1 − {out})^(γ−1) ⊙ ln {out})");
    }
}
