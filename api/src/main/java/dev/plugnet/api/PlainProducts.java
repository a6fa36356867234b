package dev.plugnet.api;

/**
 * {@link MatrixProducts#plain()}: the definition of the products as loops, each element summed over the inner
 * dimension in order on the calling thread.
 */
final class PlainProducts implements MatrixProducts {
    static final PlainProducts INSTANCE = new PlainProducts();

    private PlainProducts() {
    }

    @Override
    public void multiply(Matrix a, boolean transposeA, Matrix b, boolean transposeB, Matrix c, boolean accumulate) {
        MatrixProducts.requireProductShapes(a, transposeA, b, transposeB, c);
        int m = c.rows();
        int n = c.cols();
        int k = transposeA ? a.rows() : a.cols();
        double[] ad = a.data();
        double[] bd = b.data();
        double[] cd = c.data();
        // element (i, p) of op(A) and (p, j) of op(B) in the row-major arrays
        int aRow = transposeA ? 1 : k;
        int aStep = transposeA ? m : 1;
        int bCol = transposeB ? k : 1;
        int bStep = transposeB ? 1 : n;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0.0;
                for (int p = 0, ai = i * aRow, bj = j * bCol; p < k; p++, ai += aStep, bj += bStep) {
                    sum += ad[ai] * bd[bj];
                }
                int ci = i * n + j;
                cd[ci] = accumulate ? cd[ci] + sum : sum;
            }
        }
    }

    @Override
    public String toString() {
        return "plain products (calling thread)";
    }
}
