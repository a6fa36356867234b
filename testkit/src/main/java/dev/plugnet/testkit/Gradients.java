package dev.plugnet.testkit;

import dev.plugnet.api.Matrix;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Central finite differences in double precision, and the comparison that reports the worst element. */
final class Gradients {
    /** The step of the central differences, scaled by {@code max(1, |x|)}. */
    static final double STEP = 1e-5;

    private Gradients() {
    }

    /**
     * @param at the point (not modified when this returns)
     * @param f the scalar function, evaluated at {@code at} with one element moved
     * @return {@code (f(x + h e_i) − f(x − h e_i)) / 2h} for every element i
     */
    static Matrix numerical(Matrix at, ToDoubleFunction<Matrix> f) {
        Matrix probe = at.copy();
        Matrix grad = Matrix.zeros(at.rows(), at.cols());
        double[] p = probe.data();
        for (int i = 0; i < p.length; i++) {
            double saved = p[i];
            double h = STEP * Math.max(1.0, Math.abs(saved));
            p[i] = saved + h;
            double up = f.applyAsDouble(probe);
            p[i] = saved - h;
            double down = f.applyAsDouble(probe);
            p[i] = saved;
            grad.data()[i] = (up - down) / (2 * h);
        }
        return grad;
    }

    /** @return {@code Σ g ⊙ y} */
    static double dot(Matrix g, Matrix y) {
        double sum = 0;
        for (int i = 0; i < g.data().length; i++) {
            sum += g.data()[i] * y.data()[i];
        }
        return sum;
    }

    /**
     * @return null if every element agrees within {@code tolerance · max(1, |analytic|, |numerical|)}, else one
     *         sentence naming the worst element
     */
    static String compare(String what, Matrix analytic, Matrix numerical, double tolerance) {
        if (analytic == null) {
            return what + ": backward returned null";
        }
        if (!analytic.hasShape(numerical.rows(), numerical.cols())) {
            return what + ": backward returned shape " + analytic.shape() + ", expected " + numerical.shape();
        }
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < analytic.data().length; i++) {
            double a = analytic.data()[i];
            double n = numerical.data()[i];
            double error = Math.abs(a - n) / Math.max(1.0, Math.max(Math.abs(a), Math.abs(n)));
            if (!(error <= worst) || worstAt < 0) {
                worst = error;
                worstAt = i;
            }
        }
        if (worstAt < 0 || worst <= tolerance) {
            return null;
        }
        int row = worstAt / analytic.cols();
        int col = worstAt % analytic.cols();
        return String.format(Locale.ROOT, "%s[%d,%d]: backward gives %.9g but central finite differences give"
                        + " %.9g (relative error %.2e, tolerance %.0e)", what, row, col, analytic.data()[worstAt],
                numerical.data()[worstAt], worst, tolerance);
    }

    /** @return a (rows, cols) matrix of values of magnitude 0.1 to 2 with random signs */
    static Matrix random(SplittableRandom random, int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            double magnitude = 0.1 + 1.9 * random.nextDouble();
            m.data()[i] = random.nextBoolean() ? magnitude : -magnitude;
        }
        return m;
    }
}
