package dev.plugnet.api;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packed and threaded products against plain loops, and bit-identity across thread counts. */
class ComputeTest {
    private static Matrix random(int rows, int cols, SplittableRandom r) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = r.nextDouble(-1, 1);
        }
        return m;
    }

    /** Shapes on both sides of the packed and parallel thresholds, with odd sizes for every loop tail. */
    private static final int[][] SHAPES = {{16, 5, 4}, {32, 64, 32}, {7, 13, 9}, {128, 784, 40}, {129, 67, 255},
        {3, 1000, 17}, {130, 9, 8}};

    @Test
    void packedProductsMatchPlainLoopsTo1e12() {
        SplittableRandom r = new SplittableRandom(1);
        for (int[] s : SHAPES) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            Matrix a = random(m, k, r);
            Matrix b = random(k, n, r);
            Matrix g = random(m, n, r);
            Matrix expected = Matrix.zeros(m, n);
            MatrixKernels.multiplySmall(a.data(), b.data(), expected.data(), m, k, n);
            assertClose(expected, Matrix.multiplyInto(a, b, Matrix.zeros(m, n), Compute.serial()));
            Matrix expectedT = Matrix.zeros(k, n);
            MatrixKernels.transposeMultiplySmall(a.data(), g.data(), expectedT.data(), m, k, n);
            assertClose(expectedT, Matrix.transposeMultiplyInto(a, g, Matrix.zeros(k, n), Compute.serial()));
            Matrix expectedBt = Matrix.zeros(m, k);
            MatrixKernels.multiplyTransposeSmall(g.data(), b.data(), expectedBt.data(), m, n, k);
            assertClose(expectedBt, Matrix.multiplyTransposeInto(g, b, Matrix.zeros(m, k), Compute.serial()));
        }
    }

    @Test
    void everyThreadCountGivesBitIdenticalResults() {
        SplittableRandom r = new SplittableRandom(2);
        for (int[] s : SHAPES) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            Matrix a = random(m, k, r);
            Matrix b = random(k, n, r);
            Matrix g = random(m, n, r);
            Matrix ab = Matrix.multiplyInto(a, b, Matrix.zeros(m, n), Compute.serial());
            Matrix atg = Matrix.transposeMultiplyInto(a, g, Matrix.zeros(k, n), Compute.serial());
            Matrix gbt = Matrix.multiplyTransposeInto(g, b, Matrix.zeros(m, k), Compute.serial());
            for (int threads : new int[] {2, 3}) {
                try (Compute compute = Compute.withThreads(threads)) {
                    for (int repeat = 0; repeat < 3; repeat++) {
                        assertEquals(ab, Matrix.multiplyInto(a, b, Matrix.zeros(m, n), compute));
                        assertEquals(atg, Matrix.transposeMultiplyInto(a, g, Matrix.zeros(k, n), compute));
                        assertEquals(gbt, Matrix.multiplyTransposeInto(g, b, Matrix.zeros(m, k), compute));
                    }
                }
            }
        }
    }

    @Test
    void aClosedComputeStillMultipliesOnTheCaller() {
        SplittableRandom r = new SplittableRandom(3);
        Matrix a = random(128, 784, r);
        Matrix b = random(784, 64, r);
        Matrix expected = Matrix.multiplyInto(a, b, Matrix.zeros(128, 64), Compute.serial());
        Compute compute = Compute.withThreads(2);
        assertEquals(expected, Matrix.multiplyInto(a, b, Matrix.zeros(128, 64), compute));
        compute.close();
        assertEquals(expected, Matrix.multiplyInto(a, b, Matrix.zeros(128, 64), compute));
    }

    @Test
    void threadCountMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Compute.withThreads(0));
        assertEquals(1, Compute.serial().threads());
        assertTrue(Compute.allProcessors().threads() >= 1);
    }

    @Test
    void batchBufferKeepsTheLastTwoBatchSizes() {
        BatchBuffer buffer = new BatchBuffer(3);
        Matrix full = buffer.rows(16);
        Matrix last = buffer.rows(7);
        assertEquals("(16×3)", full.shape());
        assertEquals("(7×3)", last.shape());
        assertSame(full, buffer.rows(16));
        assertSame(last, buffer.rows(7));
        assertSame(full, buffer.rows(16));
    }

    @Test
    void batchBufferKeepsFourBatchSizesAndDropsTheLeastRecentlyUsed() {
        BatchBuffer buffer = new BatchBuffer(2);
        Matrix a = buffer.rows(16);
        Matrix b = buffer.rows(11);
        Matrix c = buffer.rows(1);
        Matrix d = buffer.rows(5);
        for (int round = 0; round < 3; round++) { // training, validation and test sizes, as in one epoch
            assertSame(a, buffer.rows(16));
            assertSame(b, buffer.rows(11));
            assertSame(c, buffer.rows(1));
            assertSame(d, buffer.rows(5));
        }
        Matrix e = buffer.rows(3);                // a fifth size evicts the least recently used (16)
        assertSame(d, buffer.rows(5));
        assertSame(e, buffer.rows(3));
        org.junit.jupiter.api.Assertions.assertNotSame(a, buffer.rows(16));
    }

    private static void assertClose(Matrix expected, Matrix actual) {
        assertEquals(expected.shape(), actual.shape());
        double[] e = expected.data();
        double[] a = actual.data();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-12 * Math.max(1, Math.abs(e[i])), "element " + i);
        }
        assertArrayEquals(new int[] {expected.rows(), expected.cols()}, new int[] {actual.rows(), actual.cols()});
    }
}
