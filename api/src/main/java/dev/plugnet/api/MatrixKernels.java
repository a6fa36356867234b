package dev.plugnet.api;

/**
 * The inner loops of {@link Matrix}'s products, on raw row-major arrays. Shapes are checked by the caller.
 * Loops are ordered so that the innermost one walks both arrays with stride 1, which C2 vectorises.
 */
final class MatrixKernels {
    private MatrixKernels() {
    }

    /** c(m×n) = a(m×k) · b(k×n). */
    static void multiply(double[] a, double[] b, double[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int j = 0; j < n; j++) {
                c[ci + j] = 0.0;
            }
            int ai = i * k;
            for (int p = 0; p < k; p++) {
                double aip = a[ai + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    /** c(k×n) = a(m×k)ᵀ · b(m×n). */
    static void transposeMultiply(double[] a, double[] b, double[] c, int m, int k, int n) {
        java.util.Arrays.fill(c, 0, k * n, 0.0);
        for (int i = 0; i < m; i++) {
            int ai = i * k;
            int bi = i * n;
            for (int p = 0; p < k; p++) {
                double aip = a[ai + p];
                int cp = p * n;
                for (int j = 0; j < n; j++) {
                    c[cp + j] += aip * b[bi + j];
                }
            }
        }
    }

    /** c(m×k) = a(m×n) · b(k×n)ᵀ. */
    static void multiplyTranspose(double[] a, double[] b, double[] c, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            int ai = i * n;
            int ci = i * k;
            for (int j = 0; j < k; j++) {
                int bj = j * n;
                double sum = 0.0;
                for (int p = 0; p < n; p++) {
                    sum += a[ai + p] * b[bj + p];
                }
                c[ci + j] = sum;
            }
        }
    }
}
