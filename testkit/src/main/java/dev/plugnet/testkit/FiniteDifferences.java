package dev.plugnet.testkit;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.support.CentralDifference;

import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Central finite differences in double precision, and the comparison of an analytic gradient with them that
 * names the worst element: the same arithmetic the testkit's checks use, for a plugin author's own tests.
 *
 * <pre>{@code
 * Matrix numerical = FiniteDifferences.gradient(x, at -> myLoss.value(at, target));
 * FiniteDifferences.compare("dL/dy", analytic, numerical, 1e-6).ifPresent(problem -> fail(problem));
 * }</pre>
 */
public final class FiniteDifferences {
    /** The step of the central differences, relative: element {@code x} moves by {@code STEP · max(1, |x|)}. */
    public static final double STEP = 1e-5;

    private FiniteDifferences() {
    }

    /**
     * @param at the point; moved one element at a time while {@code f} runs, and as it was when this returns
     * @param f the scalar function, evaluated at {@code at} with one element moved
     * @return {@code (f(x + h e_i) − f(x − h e_i)) / 2h} for every element i, with {@code h = STEP · max(1, |x_i|)}
     */
    public static Matrix gradient(Matrix at, ToDoubleFunction<Matrix> f) {
        Matrix probe = at.copy();
        Matrix grad = Matrix.zeros(at.rows(), at.cols());
        double[] p = probe.data();
        for (int i = 0; i < p.length; i++) {
            grad.data()[i] = CentralDifference.at(p, i, STEP * Math.max(1.0, Math.abs(p[i])),
                    () -> f.applyAsDouble(probe));
        }
        return grad;
    }

    /** @return {@code |a − b| / max(1, |a|, |b|)}: absolute near zero, relative for large values */
    public static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    /**
     * @param what names the gradient in the message, for example {@code dL/dx}
     * @param analytic the gradient a plugin computed (may be {@code null}, which is a problem)
     * @param numerical the gradient {@link #gradient} gave
     * @param tolerance the largest {@link #relativeError} allowed for any element
     * @return empty if every element agrees, else one sentence naming the worst element:
     *         {@code dL/dx[2,1]: backward gives … but central finite differences give … (relative error …)}
     */
    public static Optional<String> compare(String what, Matrix analytic, Matrix numerical, double tolerance) {
        if (analytic == null) {
            return Optional.of(what + ": backward returned null");
        }
        if (!analytic.hasShape(numerical.rows(), numerical.cols())) {
            return Optional.of(what + ": backward returned shape " + analytic.shape() + ", expected "
                    + numerical.shape());
        }
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < analytic.data().length; i++) {
            double error = relativeError(analytic.data()[i], numerical.data()[i]);
            if (!(error <= worst) || worstAt < 0) {
                worst = error;
                worstAt = i;
            }
        }
        if (worstAt < 0 || worst <= tolerance) {
            return Optional.empty();
        }
        int row = worstAt / analytic.cols();
        int col = worstAt % analytic.cols();
        return Optional.of(String.format(Locale.ROOT, "%s[%d,%d]: backward gives %.9g but central finite differences"
                        + " give %.9g (relative error %.2e, tolerance %.0e)", what, row, col, analytic.data()[worstAt],
                numerical.data()[worstAt], worst, tolerance));
    }
}
