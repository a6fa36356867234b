package dev.plugnet.losses;

import dev.plugnet.api.Loss;
import dev.plugnet.api.Matrix;

/**
 * Huber loss over every element of a (B, K) batch, with threshold {@code δ > 0}:
 * {@code L = (1/(B·K)) Σ h(y − t)}, {@code h(e) = e²/2} where {@code |e| ≤ δ} and {@code δ (|e| − δ/2)}
 * beyond, so it is squared error near the target and absolute error far from it (PyTorch's
 * {@code HuberLoss(delta=δ)}, reduction mean). Its gradient is {@code dL/dy = clip(y − t, −δ, δ) / (B·K)}.
 */
public final class HuberLoss implements Loss {
    private final double delta;

    /** @param delta δ, where the loss turns from squared to absolute; positive and finite */
    public HuberLoss(double delta) {
        if (!(delta > 0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("delta must be positive and finite, got " + delta);
        }
        this.delta = delta;
    }

    @Override
    public double value(Matrix output, Matrix target) {
        Matrix.requireSameShape("huber target", output, target);
        double[] y = output.data();
        double[] t = target.data();
        double sum = 0.0;
        for (int i = 0; i < y.length; i++) {
            double e = Math.abs(y[i] - t[i]);
            sum += e <= delta ? 0.5 * e * e : delta * (e - 0.5 * delta);
        }
        return sum / y.length;
    }

    /** {@inheritDoc} {@code dL/dy = clip(y − t, −δ, δ) / (B·K)}. */
    @Override
    public void gradient(Matrix output, Matrix target, Matrix outputGradient) {
        Matrix.requireSameShape("huber target", output, target);
        Matrix.requireSameShape("huber gradient", output, outputGradient);
        double[] y = output.data();
        double[] t = target.data();
        double[] d = outputGradient.data();
        double scale = 1.0 / y.length;
        for (int i = 0; i < y.length; i++) {
            d[i] = scale * Math.max(-delta, Math.min(delta, y[i] - t[i]));
        }
    }
}
