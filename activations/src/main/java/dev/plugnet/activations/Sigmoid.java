package dev.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.Matrix;

/**
 * The logistic function {@code z = sigmoid(a) = 1 / (1 + e^−a)}, element by element. Its Jacobian is diagonal
 * with {@code z(1 − z)}, so the backward is SPEC.md step 6: {@code dL/da = dL/dz ⊙ z ⊙ (1 − z)}.
 *
 * <p>The forward never evaluates {@code exp} of a large positive number: for {@code a < 0} it uses
 * {@code e^a / (1 + e^a)}, which also keeps full relative precision for tiny outputs.
 */
public final class Sigmoid implements Activation {
    /** Creates the activation; it holds no state. */
    public Sigmoid() {
    }

    /** @return {@code sigmoid(v)}, stable for both signs of {@code v} */
    static double sigmoid(double v) {
        if (v >= 0) {
            return 1.0 / (1.0 + Math.exp(-v));
        }
        double e = Math.exp(v);
        return e / (1.0 + e);
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
