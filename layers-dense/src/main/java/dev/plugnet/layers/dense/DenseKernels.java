package dev.plugnet.layers.dense;

import java.util.Arrays;

/**
 * The dense layer's inner loops on raw row-major arrays. Shapes are checked by the caller.
 *
 * <p>The right-hand operand of each product is given as separate row arrays, and results are accumulated in
 * scratch rows that start at index 0, then copied out. Every array the innermost loop touches is then indexed
 * by the loop variable alone, which is the form C2 (on JDK 17 too) turns into vector instructions; indexing one
 * flat array at two different row offsets in the same loop is not. Four left-hand rows share each pass over a
 * right-hand row, so each loaded element feeds four multiply-adds.
 */
final class DenseKernels {
    /** How many left-hand rows share a pass over the right-hand rows. */
    static final int BLOCK = 4;

    private DenseKernels() {
    }

    /**
     * {@code out = a · B (+ bias on every row)}: (m×k)·(k×n) = (m×n).
     *
     * @param a (m×k), row-major
     * @param b k row arrays of at least n elements
     * @param bias n elements added to every row, or {@code null}
     * @param out (m×n), row-major; distinct from {@code a}
     * @param scratch {@link #BLOCK} arrays of at least n elements
     */
    static void multiply(double[] a, int m, int k, double[][] b, int n, double[] bias, double[] out,
                         double[][] scratch) {
        double[] r0 = scratch[0];
        double[] r1 = scratch[1];
        double[] r2 = scratch[2];
        double[] r3 = scratch[3];
        int i = 0;
        for (; i + BLOCK <= m; i += BLOCK) {
            start(r0, bias, n);
            start(r1, bias, n);
            start(r2, bias, n);
            start(r3, bias, n);
            int a0 = i * k;
            int a1 = a0 + k;
            int a2 = a1 + k;
            int a3 = a2 + k;
            for (int p = 0; p < k; p++) {
                double x0 = a[a0 + p];
                double x1 = a[a1 + p];
                double x2 = a[a2 + p];
                double x3 = a[a3 + p];
                double[] bp = b[p];
                for (int j = 0; j < n; j++) {
                    double w = bp[j];
                    r0[j] += x0 * w;
                    r1[j] += x1 * w;
                    r2[j] += x2 * w;
                    r3[j] += x3 * w;
                }
            }
            System.arraycopy(r0, 0, out, i * n, n);
            System.arraycopy(r1, 0, out, (i + 1) * n, n);
            System.arraycopy(r2, 0, out, (i + 2) * n, n);
            System.arraycopy(r3, 0, out, (i + 3) * n, n);
        }
        for (; i < m; i++) {
            start(r0, bias, n);
            int a0 = i * k;
            for (int p = 0; p < k; p++) {
                double x0 = a[a0 + p];
                double[] bp = b[p];
                for (int j = 0; j < n; j++) {
                    r0[j] += x0 * bp[j];
                }
            }
            System.arraycopy(r0, 0, out, i * n, n);
        }
    }

    /**
     * {@code out = aᵀ · G}: (m×k)ᵀ·(m×n) = (k×n), one output row at a time.
     *
     * @param a (m×k), row-major
     * @param g m row arrays of at least n elements
     * @param out (k×n), row-major
     * @param scratch at least n elements
     */
    static void transposeMultiply(double[] a, int m, int k, double[][] g, int n, double[] out, double[] scratch) {
        for (int p = 0; p < k; p++) {
            Arrays.fill(scratch, 0, n, 0.0);
            int i = 0;
            for (; i + BLOCK <= m; i += BLOCK) {
                double x0 = a[i * k + p];
                double x1 = a[(i + 1) * k + p];
                double x2 = a[(i + 2) * k + p];
                double x3 = a[(i + 3) * k + p];
                double[] g0 = g[i];
                double[] g1 = g[i + 1];
                double[] g2 = g[i + 2];
                double[] g3 = g[i + 3];
                for (int j = 0; j < n; j++) {
                    scratch[j] += x0 * g0[j] + x1 * g1[j] + x2 * g2[j] + x3 * g3[j];
                }
            }
            for (; i < m; i++) {
                double x0 = a[i * k + p];
                double[] g0 = g[i];
                for (int j = 0; j < n; j++) {
                    scratch[j] += x0 * g0[j];
                }
            }
            System.arraycopy(scratch, 0, out, p * n, n);
        }
    }

    /** Copies the (rows×cols) row-major {@code flat} into {@code rows[0..rows)}. */
    static void toRows(double[] flat, int rows, int cols, double[][] target) {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, target[i], 0, cols);
        }
    }

    /** Copies the transpose of the (rows×cols) row-major {@code flat} into {@code target[0..cols)}. */
    static void toTransposedRows(double[] flat, int rows, int cols, double[][] target) {
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                target[j][i] = flat[base + j];
            }
        }
    }

    private static void start(double[] row, double[] bias, int n) {
        if (bias == null) {
            Arrays.fill(row, 0, n, 0.0);
        } else {
            System.arraycopy(bias, 0, row, 0, n);
        }
    }
}
