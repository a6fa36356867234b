package dev.plugnet.api;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MatrixTest {
    private static Matrix random(int rows, int cols, SplittableRandom r) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = r.nextDouble(-1, 1);
        }
        return m;
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

    private static Matrix naiveProduct(Matrix a, Matrix b) {
        Matrix c = Matrix.zeros(a.rows(), b.cols());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double s = 0;
                for (int p = 0; p < a.cols(); p++) {
                    s += a.get(i, p) * b.get(p, j);
                }
                c.set(i, j, s);
            }
        }
        return c;
    }

    private static void assertClose(Matrix expected, Matrix actual) {
        assertEquals(expected.shape(), actual.shape());
        for (int i = 0; i < expected.data().length; i++) {
            assertEquals(expected.data()[i], actual.data()[i], 1e-12, "element " + i);
        }
    }

    @Test
    void productsAgreeWithTheTextbookDefinitionAtManyShapes() {
        SplittableRandom r = new SplittableRandom(7);
        int[][] shapes = {{1, 1, 1}, {4, 5, 3}, {16, 5, 4}, {3, 17, 9}, {33, 64, 31}, {128, 100, 10}};
        for (int[] s : shapes) {
            Matrix a = random(s[0], s[1], r);
            Matrix b = random(s[1], s[2], r);
            Matrix expected = naiveProduct(a, b);
            assertClose(expected, Matrix.multiply(a, b));
            Matrix out = Matrix.zeros(s[0], s[2]).fill(99); // stale values must be overwritten
            assertClose(expected, Matrix.transposeMultiplyInto(transpose(a), b, out));
            assertClose(expected, Matrix.multiplyTransposeInto(a, transpose(b), Matrix.zeros(s[0], s[2]).fill(-5)));
        }
    }

    @Test
    void aShapeMismatchNamesTheOperationAndBothShapes() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> Matrix.multiply(Matrix.zeros(4, 3), Matrix.zeros(5, 4)));
        assertEquals("A·B", e.location());
        assertEquals("(4×3)·(5×4) into (4×4): expected A.cols = B.rows and out (4×4)", e.problem());
        ShapeMismatchException t = assertThrows(ShapeMismatchException.class,
                () -> Matrix.transposeMultiplyInto(Matrix.zeros(2, 3), Matrix.zeros(4, 3), Matrix.zeros(3, 3)));
        assertEquals("Aᵀ·B: (2×3)ᵀ·(4×3) into (3×3): expected A.rows = B.rows and out (3×3)", t.getMessage());
    }

    @Test
    void rowVectorsAndColumnSums() {
        Matrix m = Matrix.of(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        m.addRowVectorInPlace(Matrix.row(10, 20, 30));
        assertArrayEquals(new double[] {11, 22, 33, 14, 25, 36}, m.data());
        assertArrayEquals(new double[] {25, 47, 69}, m.columnSumsInto(Matrix.zeros(1, 3).fill(1)).data());
        assertThrows(ShapeMismatchException.class, () -> m.addRowVectorInPlace(Matrix.row(1, 2)));
        assertThrows(ShapeMismatchException.class, () -> m.columnSumsInto(Matrix.zeros(1, 2)));
    }

    @Test
    void raggedRowsAreRefused() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> Matrix.of(new double[] {1, 2}, new double[] {3}));
        assertEquals("of: row 1 has 1 values, row 0 has 2", e.getMessage());
    }

    @Test
    void equalityIsByShapeAndBits() {
        assertEquals(Matrix.of(new double[] {1, 2}), Matrix.row(1, 2));
        org.junit.jupiter.api.Assertions.assertNotEquals(Matrix.row(1, 2), Matrix.wrap(2, 1, new double[] {1, 2}));
        Matrix copy = Matrix.row(0.1, 0.2).copy();
        assertEquals(Matrix.row(0.1, 0.2), copy);
    }

    @Test
    void finitenessAndMaxAbs() {
        assertEquals(7.0, Matrix.row(1, -7, 3).maxAbs());
        org.junit.jupiter.api.Assertions.assertFalse(Matrix.row(1, Double.NaN).isFinite());
        org.junit.jupiter.api.Assertions.assertTrue(Matrix.row(1, 2).isFinite());
    }

    @Test
    void relativeErrorIsScaledByTheLargestExpectedValue() {
        Matrix expected = Matrix.of(new double[] {2, -4});
        assertEquals(0.1, Matrix.of(new double[] {2, -4.4}).relativeErrorTo(expected), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, Matrix.zeros(1, 3).relativeErrorTo(expected));
        assertEquals(Double.POSITIVE_INFINITY, Matrix.of(new double[] {Double.NaN, -4}).relativeErrorTo(expected));
    }
}
