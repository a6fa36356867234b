package dev.plugnet.losses;

import dev.plugnet.api.Loss;
import dev.plugnet.api.Matrix;

/**
 * Mean absolute error over every element of a (B, K) batch: {@code L = (1/(B·K)) Σ |y − t|}, with gradient
 * {@code dL/dy = sign(y − t) / (B·K)} (0 where {@code y = t}, as PyTorch's {@code L1Loss} takes it). The loss of a
 * regression that should not chase outliers: each row pulls with the same strength however far it is.
 */
public final class MeanAbsoluteErrorLoss implements Loss {
    /** Creates the loss; it holds no state. */
    public MeanAbsoluteErrorLoss() {
    }

    @Override
    public double value(Matrix output, Matrix target) {
        Matrix.requireSameShape("mae target", output, target);
        double[] y = output.data();
        double[] t = target.data();
        double sum = 0.0;
        for (int i = 0; i < y.length; i++) {
            sum += Math.abs(y[i] - t[i]);
        }
        return sum / y.length;
    }

    /** {@inheritDoc} {@code dL/dy = sign(y − t) / (B·K)}, 0 where {@code y = t}. */
    @Override
    public void gradient(Matrix output, Matrix target, Matrix outputGradient) {
        Matrix.requireSameShape("mae target", output, target);
        Matrix.requireSameShape("mae gradient", output, outputGradient);
        double[] y = output.data();
        double[] t = target.data();
        double[] d = outputGradient.data();
        double scale = 1.0 / y.length;
        for (int i = 0; i < y.length; i++) {
            d[i] = scale * Math.signum(y[i] - t[i]);
        }
    }
}
