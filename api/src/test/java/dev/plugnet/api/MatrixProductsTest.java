package dev.plugnet.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference products: every transpose form and accumulation, by hand, and the shape messages. */
class MatrixProductsTest {
    private static final Matrix A = Matrix.of(new double[] {1, 2, 3}, new double[] {4, 5, 6});       // 2×3
    private static final Matrix B = Matrix.of(new double[] {1, 0}, new double[] {2, 1}, new double[] {0, 3}); // 3×2

    @Test
    void everyTransposeFormIsTheProductOfTheTransposedOperands() {
        MatrixProducts p = MatrixProducts.plain();
        Matrix ab = Matrix.of(new double[] {5, 11}, new double[] {14, 23});
        assertEquals(ab, p.multiplyInto(A, B, Matrix.zeros(2, 2)));
        Matrix at = transpose(A);
        Matrix bt = transpose(B);
        Matrix c = Matrix.zeros(2, 2);
        p.multiply(at, true, B, false, c, false);
        assertEquals(ab, c);
        p.multiply(A, false, bt, true, c.fill(0), false);
        assertEquals(ab, c);
        p.multiply(at, true, bt, true, c.fill(0), false);
        assertEquals(ab, c);
        assertEquals(ab, p.transposeMultiplyInto(at, B, Matrix.zeros(2, 2)));
        assertEquals(ab, p.multiplyTransposeInto(A, bt, Matrix.zeros(2, 2)));
    }

    @Test
    void accumulateAddsTheProductToTheOutput() {
        Matrix c = Matrix.of(new double[] {1, 1}, new double[] {1, 1});
        MatrixProducts.plain().multiply(A, false, B, false, c, true);
        assertEquals(Matrix.of(new double[] {6, 12}, new double[] {15, 24}), c);
    }

    @Test
    void aMismatchNamesTheProductAndEveryShapeAndWritesNothing() {
        Matrix out = Matrix.zeros(2, 2).fill(7);
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> MatrixProducts.plain().multiply(A, true, B, false, out, false));
        assertEquals("Aᵀ·B: (2×3)ᵀ·(3×2) into (2×2): expected A.rows = B.rows and out (3×2)", e.getMessage());
        assertEquals(7, out.get(0, 0));
        assertThrows(ShapeMismatchException.class, () -> MatrixProducts.plain().multiply(A, false, A, true, A, false));
    }

    @Test
    void theReferenceSaysWhereItRuns() {
        assertTrue(MatrixProducts.plain().toString().contains("calling thread"));
    }

    private static Matrix transpose(Matrix m) {
        Matrix t = Matrix.zeros(m.cols(), m.rows());
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                t.set(j, i, m.get(i, j));
            }
        }
        return t;
    }
}
