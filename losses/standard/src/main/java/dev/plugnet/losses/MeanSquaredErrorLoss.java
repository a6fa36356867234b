package dev.plugnet.losses;

import dev.plugnet.api.Loss;
import dev.plugnet.api.Matrix;

/**
 * Mean squared error over every element of a (B, K) batch: {@code L = (1/(B·K)) Σ (y − t)²}, with gradient
 * {@code dL/dy = 2 (y − t) / (B·K)}.
 */
public final class MeanSquaredErrorLoss implements Loss {
    /** Creates the loss; it holds no state. */
    public MeanSquaredErrorLoss() {
    }

    @Override
    public double value(Matrix output, Matrix target) {
        Matrix.requireSameShape("mse target", output, target);
        double[] y = output.data();
        double[] t = target.data();
        double sum = 0.0;
        for (int i = 0; i < y.length; i++) {
            double diff = y[i] - t[i];
            sum += diff * diff;
        }
        return sum / y.length;
    }

    /** {@inheritDoc} {@code dL/dy = 2 (y − t) / (B·K)}. */
    @Override
    public void gradient(Matrix output, Matrix target, Matrix outputGradient) {
        Matrix.requireSameShape("mse target", output, target);
        Matrix.requireSameShape("mse gradient", output, outputGradient);
        double[] y = output.data();
        double[] t = target.data();
        double[] d = outputGradient.data();
        double scale = 2.0 / y.length;
        for (int i = 0; i < y.length; i++) {
            d[i] = scale * (y[i] - t[i]);
        }
    }
}
