package dev.plugnet.compute.java;

import java.util.Arrays;

/**
 * The inner loops of the {@code java} backend, on raw row-major arrays; shapes are checked by the caller.
 *
 * <p>Two forms. Small products (fewer than {@link #PACKED_FROM} multiply-adds, or outputs narrower than
 * {@link #PACKED_MIN_WIDTH}) run plain loops with no set-up: at the 5-4-3 sizes set-up would cost more than
 * the arithmetic. Larger products first <em>pack</em> the right-hand operand into separate row arrays, then
 * accumulate each output row in a scratch row, four right-hand rows per pass:
 * {@code r[j] += x0·b0[j] + x1·b1[j] + x2·b2[j] + x3·b3[j]}. Every array that loop touches is indexed by
 * {@code j} alone and no two of them are the same array, which is the form C2 (JDK 17 and 25 alike) turns
 * into AVX vector code; a flat array read at two row offsets in one loop is not vectorised (measured:
 * 3–5 GFLOP/s flat against 12–16 packed for 128×784·784×256 on one core). Four rows per pass means one
 * load and one store of {@code r[j]} per four multiply-adds.
 *
 * <p>Each output element is computed by the same code in the same order whichever thread computes it, so a
 * product split by output rows across threads is bit-identical to the serial one.
 */
final class PackedKernels {
    /** Multiply-adds from which the packed kernels run. */
    static final long PACKED_FROM = 4096;
    /** Output width from which the packed kernels run (narrower rows do not fill a vector). */
    static final int PACKED_MIN_WIDTH = 8;

    private PackedKernels() {
    }

    static boolean packed(long multiplyAdds, int outputWidth) {
        return multiplyAdds >= PACKED_FROM && outputWidth >= PACKED_MIN_WIDTH;
    }

    // ---- packing -----------------------------------------------------------------------------------------

    /** Copies b (rows×n) into {@code rows} row arrays. */
    static void packRows(double[] b, double[][] rows, int count, int n) {
        for (int p = 0; p < count; p++) {
            System.arraycopy(b, p * n, rows[p], 0, n);
        }
    }

    /** Packs bᵀ of b (k×n): n row arrays of k. */
    static void packTransposed(double[] b, double[][] rows, int k, int n) {
        for (int j = 0; j < k; j++) {
            int bj = j * n;
            for (int p = 0; p < n; p++) {
                rows[p][j] = b[bj + p];
            }
        }
    }

    // ---- packed kernels ----------------------------------------------------------------------------------

    /** Rows [from, to) of c(m×n) (+)= a(m×k) · B, B given as k row arrays. */
    static void multiplyRows(double[] a, double[][] b, double[] c, int k, int n, int from, int to, double[] r,
                             boolean accumulate) {
        for (int i = from; i < to; i++) {
            Arrays.fill(r, 0, n, 0.0);
            int ai = i * k;
            int p = 0;
            for (; p + 4 <= k; p += 4) {
                double x0 = a[ai + p];
                double x1 = a[ai + p + 1];
                double x2 = a[ai + p + 2];
                double x3 = a[ai + p + 3];
                double[] b0 = b[p];
                double[] b1 = b[p + 1];
                double[] b2 = b[p + 2];
                double[] b3 = b[p + 3];
                for (int j = 0; j < n; j++) {
                    r[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
                }
            }
            for (; p < k; p++) {
                double x0 = a[ai + p];
                double[] b0 = b[p];
                for (int j = 0; j < n; j++) {
                    r[j] += x0 * b0[j];
                }
            }
            store(r, c, i * n, n, accumulate);
        }
    }

    /** Rows [from, to) of c(k×n) (+)= a(m×k)ᵀ · G, G given as m row arrays. */
    static void transposeMultiplyRows(double[] a, double[][] g, double[] c, int m, int k, int n, int from, int to,
                                      double[] r, boolean accumulate) {
        for (int p = from; p < to; p++) {
            Arrays.fill(r, 0, n, 0.0);
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                double x0 = a[i * k + p];
                double x1 = a[(i + 1) * k + p];
                double x2 = a[(i + 2) * k + p];
                double x3 = a[(i + 3) * k + p];
                double[] g0 = g[i];
                double[] g1 = g[i + 1];
                double[] g2 = g[i + 2];
                double[] g3 = g[i + 3];
                for (int j = 0; j < n; j++) {
                    r[j] += x0 * g0[j] + x1 * g1[j] + x2 * g2[j] + x3 * g3[j];
                }
            }
            for (; i < m; i++) {
                double x0 = a[i * k + p];
                double[] g0 = g[i];
                for (int j = 0; j < n; j++) {
                    r[j] += x0 * g0[j];
                }
            }
            store(r, c, p * n, n, accumulate);
        }
    }

    private static void store(double[] r, double[] c, int offset, int n, boolean accumulate) {
        if (accumulate) {
            for (int j = 0; j < n; j++) {
                c[offset + j] += r[j];
            }
        } else {
            System.arraycopy(r, 0, c, offset, n);
        }
    }

    // ---- small products: plain loops ---------------------------------------------------------------------

    static void multiplySmall(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            int ai = i * k;
            for (int j = 0; j < n; j++) {
                double sum = 0.0;
                for (int p = 0, bp = j; p < k; p++, bp += n) {
                    sum += a[ai + p] * b[bp];
                }
                c[ci + j] = accumulate ? c[ci + j] + sum : sum;
            }
        }
    }

    static void transposeMultiplySmall(double[] a, double[] b, double[] c, int m, int k, int n,
                                       boolean accumulate) {
        for (int p = 0; p < k; p++) {
            int cp = p * n;
            for (int j = 0; j < n; j++) {
                double sum = 0.0;
                for (int i = 0; i < m; i++) {
                    sum += a[i * k + p] * b[i * n + j];
                }
                c[cp + j] = accumulate ? c[cp + j] + sum : sum;
            }
        }
    }

    static void multiplyTransposeSmall(double[] a, double[] b, double[] c, int m, int n, int k,
                                       boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ai = i * n;
            int ci = i * k;
            for (int j = 0; j < k; j++) {
                int bj = j * n;
                double sum = 0.0;
                for (int p = 0; p < n; p++) {
                    sum += a[ai + p] * b[bj + p];
                }
                c[ci + j] = accumulate ? c[ci + j] + sum : sum;
            }
        }
    }
}
