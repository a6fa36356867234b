package dev.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.Matrix;

/**
 * The leaky rectifier {@code y = a} where {@code a > 0} and {@code y = slope · a} elsewhere, element by element;
 * its derivative is 1 where {@code a > 0} and {@code slope} elsewhere (including at 0).
 */
public final class LeakyRelu implements Activation {
    private final double slope;

    /** @param slope the gradient for {@code a <= 0}, {@code >= 0} */
    public LeakyRelu(double slope) {
        if (!(slope >= 0) || Double.isInfinite(slope)) {
            throw new IllegalArgumentException("slope must be a finite number >= 0, got " + slope);
        }
        this.slope = slope;
    }

    /** @return the gradient for {@code a <= 0} */
    public double slope() {
        return slope;
    }

    @Override
    public void forward(Matrix pre, Matrix out) {
        Matrix.requireSameShape("leaky_relu", pre, out);
        double[] a = pre.data();
        double[] y = out.data();
        for (int i = 0; i < a.length; i++) {
            double v = a[i];
            y[i] = v > 0.0 ? v : slope * v;
        }
    }

    /** {@inheritDoc} {@code dL/da = dL/dy} where {@code a > 0}, {@code slope · dL/dy} elsewhere. */
    @Override
    public void backward(Matrix pre, Matrix out, Matrix outGradient, Matrix preGradient) {
        Activations.requireBackwardShapes("leaky_relu backward", pre, out, outGradient, preGradient);
        double[] a = pre.data();
        double[] g = outGradient.data();
        double[] d = preGradient.data();
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] > 0.0 ? g[i] : slope * g[i];
        }
    }
}
