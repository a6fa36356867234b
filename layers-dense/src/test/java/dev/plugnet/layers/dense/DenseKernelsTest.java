package dev.plugnet.layers.dense;

import static dev.plugnet.layers.dense.MatrixAssert.assertClose;

import dev.plugnet.api.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** The blocked kernels against Matrix's plain products, for shapes with and without a partial block. */
class DenseKernelsTest {
    private static Matrix random(SplittableRandom random, int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = random.nextGaussian();
        }
        return m;
    }

    private static double[][] rows(Matrix m) {
        double[][] rows = new double[m.rows()][m.cols()];
        DenseKernels.toRows(m.data(), m.rows(), m.cols(), rows);
        return rows;
    }

    @RepeatedTest(12)
    void multiplyWithBiasEqualsTheMatrixProductPlusTheRowVector(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        int m = 1 + random.nextInt(13);
        int k = 1 + random.nextInt(9);
        int n = 1 + random.nextInt(11);
        Matrix a = random(random, m, k);
        Matrix b = random(random, k, n);
        Matrix bias = random(random, 1, n);
        Matrix expected = Matrix.multiply(a, b).addRowVectorInPlace(bias);
        Matrix actual = Matrix.zeros(m, n);
        DenseKernels.multiply(a.data(), m, k, rows(b), n, bias.data(), actual.data(),
                new double[DenseKernels.BLOCK][n]);
        assertClose(expected, actual, 1e-14);
        DenseKernels.multiply(a.data(), m, k, rows(b), n, null, actual.data(), new double[DenseKernels.BLOCK][n]);
        assertClose(Matrix.multiply(a, b), actual, 1e-14);
    }

    @RepeatedTest(12)
    void transposeMultiplyEqualsTheMatrixProduct(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(100 + repetition.getCurrentRepetition());
        int m = 1 + random.nextInt(13);
        int k = 1 + random.nextInt(9);
        int n = 1 + random.nextInt(11);
        Matrix a = random(random, m, k);
        Matrix g = random(random, m, n);
        Matrix expected = Matrix.transposeMultiplyInto(a, g, Matrix.zeros(k, n));
        Matrix actual = Matrix.zeros(k, n).fill(Double.NaN);
        DenseKernels.transposeMultiply(a.data(), m, k, rows(g), n, actual.data(), new double[n]);
        assertClose(expected, actual, 1e-14);
    }

    @RepeatedTest(6)
    void transposedRowsGiveTheProductWithTheTranspose(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(200 + repetition.getCurrentRepetition());
        int m = 1 + random.nextInt(13);
        int k = 1 + random.nextInt(9);
        int n = 1 + random.nextInt(11);
        Matrix g = random(random, m, n);
        Matrix w = random(random, k, n);
        double[][] transposed = new double[n][k];
        DenseKernels.toTransposedRows(w.data(), k, n, transposed);
        Matrix actual = Matrix.zeros(m, k);
        DenseKernels.multiply(g.data(), m, n, transposed, k, null, actual.data(),
                new double[DenseKernels.BLOCK][Math.max(n, k)]);
        assertClose(Matrix.multiplyTransposeInto(g, w, Matrix.zeros(m, k)), actual, 1e-14);
    }
}
