package dev.plugnet.testkit;

import dev.plugnet.api.Matrix;

/**
 * Compares matrices the way SPEC.md's reference cases are compared ({@link Matrix#relativeErrorTo}:
 * {@code max|actual − expected| / max(1e-12, max|expected|)}). A failure throws an {@link AssertionError}
 * with both matrices, so it works under any test framework.
 */
public final class MatrixAssert {
    private MatrixAssert() {
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
        double error = actual.relativeErrorTo(expected);
        if (!(error <= tolerance)) {
            throw new AssertionError("relative error " + error + " > " + tolerance + "\nexpected " + expected
                    + "\nactual   " + actual);
        }
    }
}
