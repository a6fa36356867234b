package dev.plugnet.losses;

import dev.plugnet.api.Formulas;
import dev.plugnet.api.Loss;
import dev.plugnet.api.LossContext;
import dev.plugnet.api.LossProvider;
import dev.plugnet.api.OptionSpec;

import java.util.List;

/**
 * Provides {@code huber}: squared error within {@code delta} of the target, absolute error beyond (see
 * {@link HuberLoss}). Option {@code delta}, default 1 (PyTorch's default).
 */
public final class HuberLossProvider implements LossProvider {
    /** Creates the provider; it holds no state. */
    public HuberLossProvider() {
    }

    @Override
    public String name() {
        return "huber";
    }

    @Override
    public String description() {
        return "Huber loss: (y - t)^2 / 2 within delta of the target, delta (|y - t| - delta / 2) beyond; mean over"
                + " every output element.";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.number("delta", 1.0, "Where the loss turns from squared to absolute error.")
                .greaterThan(0.0));
    }

    @Override
    public Loss create(LossContext context) {
        return new HuberLoss(context.options().number("delta"));
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("(1/(B·K)) Σ h({in} − t), h(e) = e²/2 for |e| ≤ δ, δ(|e| − δ/2) beyond",
                "(1/(B·K)) clip({in} − t, −δ, δ)");
    }
}
