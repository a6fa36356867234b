package dev.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.Matrix;

/**
 * The hyperbolic tangent {@code y = tanh(a)}, element by element; its Jacobian is diagonal with {@code 1 − y²},
 * so {@code dL/da = dL/dy ⊙ (1 − y²)}.
 */
public final class Tanh implements Activation {
    /** Creates the activation; it holds no state. */
    public Tanh() {
    }

    @Override
    public void forward(Matrix pre, Matrix out) {
        Matrix.requireSameShape("tanh", pre, out);
        double[] a = pre.data();
        double[] y = out.data();
        for (int i = 0; i < a.length; i++) {
            y[i] = Math.tanh(a[i]);
        }
    }

    /** {@inheritDoc} {@code dL/da = dL/dy ⊙ (1 − y²)}. */
    @Override
    public void backward(Matrix pre, Matrix out, Matrix outGradient, Matrix preGradient) {
        Activations.requireBackwardShapes("tanh backward", pre, out, outGradient, preGradient);
        double[] y = out.data();
        double[] g = outGradient.data();
        double[] d = preGradient.data();
        for (int i = 0; i < y.length; i++) {
            double yi = y[i];
            d[i] = g[i] * (1.0 - yi * yi);
        }
    }
}
