package dev.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.Matrix;

/**
 * Central finite differences of the scalar {@code f(a) = Σ g ⊙ act(a)}, whose gradient with respect to
 * {@code a} is exactly what {@link Activation#backward} computes for {@code dL/d(output) = g}.
 */
final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /** @return {@code Σ g ⊙ act(a)} */
    static double scalar(Activation activation, Matrix pre, Matrix weights) {
        Matrix out = Matrix.zeros(pre.rows(), pre.cols());
        activation.forward(pre, out);
        double sum = 0;
        for (int i = 0; i < out.data().length; i++) {
            sum += weights.data()[i] * out.data()[i];
        }
        return sum;
    }

    /** @return the numerical gradient of {@link #scalar} at {@code pre}, with step {@code h} */
    static Matrix gradient(Activation activation, Matrix pre, Matrix weights, double h) {
        Matrix probe = pre.copy();
        Matrix grad = Matrix.zeros(pre.rows(), pre.cols());
        double[] p = probe.data();
        for (int i = 0; i < p.length; i++) {
            double saved = p[i];
            p[i] = saved + h;
            double up = scalar(activation, probe, weights);
            p[i] = saved - h;
            double down = scalar(activation, probe, weights);
            p[i] = saved;
            grad.data()[i] = (up - down) / (2 * h);
        }
        return grad;
    }
}
