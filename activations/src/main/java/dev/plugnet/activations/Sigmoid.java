package dev.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.Matrix;

/**
 * The logistic function {@code z = sigmoid(a) = 1 / (1 + e^−a)}, element by element. Its Jacobian is diagonal
 * with {@code z(1 − z)}, so the backward is SPEC.md step 6: {@code dL/da = dL/dz ⊙ z ⊙ (1 − z)}.
 *
 * <p>{@code 1 / (1 + e^−a)} is stable for both signs without a branch: for {@code a > 0}, {@code e^−a} is at most
 * 1; for {@code a < 0}, {@code 1 + e^−a} keeps full relative precision and {@code 1 / (1 + e^−a)} with it, and
 * where {@code e^−a} overflows ({@code a < −709}) the result is {@code 1 / ∞ = 0}, the correct limit. Nothing is
 * ever NaN for a non-NaN input.
 */
public final class Sigmoid implements Activation {
    /** Creates the activation; it holds no state. */
    public Sigmoid() {
    }

    /** @return {@code sigmoid(v)}, stable for both signs of {@code v} (see the class comment) */
    static double sigmoid(double v) {
        return 1.0 / (1.0 + Math.exp(-v));
    }

    @Override
    public void forward(Matrix pre, Matrix out) {
        Matrix.requireSameShape("sigmoid", pre, out);
        double[] a = pre.data();
        double[] z = out.data();
        for (int i = 0; i < a.length; i++) {
            z[i] = sigmoid(a[i]);
        }
    }

    /** {@inheritDoc} SPEC.md step 6: {@code dL/da = dL/dz ⊙ z ⊙ (1 − z)}. */
    @Override
    public void backward(Matrix pre, Matrix out, Matrix outGradient, Matrix preGradient) {
        Activations.requireBackwardShapes("sigmoid backward", pre, out, outGradient, preGradient);
        double[] z = out.data();
        double[] g = outGradient.data();
        double[] d = preGradient.data();
        for (int i = 0; i < z.length; i++) {
            double zi = z[i];
            d[i] = g[i] * zi * (1.0 - zi);
        }
    }
}
