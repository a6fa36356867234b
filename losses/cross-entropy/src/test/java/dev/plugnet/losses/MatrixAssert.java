package dev.plugnet.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.plugnet.api.Matrix;

/** Compares matrices the way the fixtures' README says: {@code max|actual − expected| / max(1e-12, max|expected|)}. */
final class MatrixAssert {
    private MatrixAssert() {
    }

    static void assertClose(double[][] expected, Matrix actual, double tolerance) {
        assertClose(Matrix.of(expected), actual, tolerance);
    }

    static void assertClose(Matrix expected, Matrix actual, double tolerance) {
        assertEquals(expected.shape(), actual.shape(), "shape");
        double[] e = expected.data();
        double[] a = actual.data();
        double worst = 0;
        for (int i = 0; i < e.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - e[i]));
        }
        double error = worst / Math.max(1e-12, expected.maxAbs());
        if (!(error <= tolerance)) {
            fail("relative error " + error + " > " + tolerance + "\nexpected " + expected + "\nactual   " + actual);
        }
    }
}
