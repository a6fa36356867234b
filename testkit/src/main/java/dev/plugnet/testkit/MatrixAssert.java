package dev.plugnet.testkit;

import dev.plugnet.api.Matrix;

/**
 * Compares matrices the way SPEC.md's reference cases are compared:
 * {@code max|actual − expected| / max(1e-12, max|expected|)}. A failure throws an {@link AssertionError}
 * with both matrices, so it works under any test framework.
 */
public final class MatrixAssert {
    private MatrixAssert() {
    }

    /** @return the relative error of {@code actual} against {@code expected}; infinite if the shapes differ */
    public static double relativeError(Matrix expected, Matrix actual) {
        if (!actual.hasShape(expected.rows(), expected.cols())) {
            return Double.POSITIVE_INFINITY;
        }
        double[] e = expected.data();
        double[] a = actual.data();
        double worst = 0;
        for (int i = 0; i < e.length; i++) {
            double d = Math.abs(a[i] - e[i]);
            worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(worst, d);
        }
        return worst / Math.max(1e-12, expected.maxAbs());
    }

    /** @throws AssertionError unless {@code actual} has the rows' shape and is within {@code tolerance} of them */
    public static void assertClose(double[][] expected, Matrix actual, double tolerance) {
        assertClose(Matrix.of(expected), actual, tolerance);
    }

    /** @throws AssertionError unless {@code actual} has {@code expected}'s shape and is within {@code tolerance} */
    public static void assertClose(Matrix expected, Matrix actual, double tolerance) {
        if (!actual.hasShape(expected.rows(), expected.cols())) {
            throw new AssertionError("shape: expected " + expected.shape() + ", got " + actual.shape());
        }
        double error = relativeError(expected, actual);
        if (!(error <= tolerance)) {
            throw new AssertionError("relative error " + error + " > " + tolerance + "\nexpected " + expected
                    + "\nactual   " + actual);
        }
    }
}
