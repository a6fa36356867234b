package dev.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.Matrix;

/**
 * The rectifier {@code y = max(0, a)}, element by element; its derivative is 1 where {@code a > 0} and 0
 * elsewhere (0 at {@code a = 0} too), so {@code dL/da = dL/dy ⊙ [a > 0]}.
 */
public final class Relu implements Activation {
    /** Creates the activation; it holds no state. */
    public Relu() {
    }

    @Override
    public void forward(Matrix pre, Matrix out) {
        Matrix.requireSameShape("relu", pre, out);
        double[] a = pre.data();
        double[] y = out.data();
        for (int i = 0; i < a.length; i++) {
            double v = a[i];
            y[i] = v > 0.0 ? v : 0.0;
        }
    }

    /** {@inheritDoc} {@code dL/da = dL/dy ⊙ [a > 0]}. */
    @Override
    public void backward(Matrix pre, Matrix out, Matrix outGradient, Matrix preGradient) {
        Activations.requireBackwardShapes("relu backward", pre, out, outGradient, preGradient);
        double[] a = pre.data();
        double[] g = outGradient.data();
        double[] d = preGradient.data();
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] > 0.0 ? g[i] : 0.0;
        }
    }
}
