package com.example.plugnet.losses;

import dev.plugnet.api.Formulas;
import dev.plugnet.api.Loss;
import dev.plugnet.api.LossContext;
import dev.plugnet.api.LossProvider;
import dev.plugnet.api.OptionSpec;

import java.util.List;

/**
 * Provides {@code focal}, the focal loss of a distribution output (see {@link FocalLoss}):
 * {@code "loss": {"type": "focal", "gamma": 2}}. It needs an output activation whose rows are distributions,
 * such as softmax.
 */
public final class FocalLossProvider implements LossProvider {
    /** The focusing parameter γ. */
    public static final String GAMMA = "gamma";

    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.number(GAMMA, 2.0, "The focusing parameter γ >= 0: L = -(1/B) sum t (1 - s)^γ ln s"
                    + " (0 is cross-entropy).").atLeast(0));

    /** Creates the provider; it holds no state. */
    public FocalLossProvider() {
    }

    @Override
    public String name() {
        return "focal";
    }

    @Override
    public String description() {
        return "Focal loss -(1/B) sum t (1 - s)^gamma ln s of a distribution output: easy rows count less.";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public Loss create(LossContext context) {
        return new FocalLoss(context.options().number(GAMMA));
    }

    /** @return {@code true}: {@code ln s} needs each output row to be a distribution */
    @Override
    public boolean needsDistribution() {
        return true;
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("−(1/B) Σ_b Σ_k t_bk (1 − {in}_bk)^γ ln {in}_bk",
                "−(1/B) · t ⊙ ((1 − {in})^γ / {in} − γ (1 − {in})^(γ−1) ln {in})");
    }
}
