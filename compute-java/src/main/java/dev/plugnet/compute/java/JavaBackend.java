package dev.plugnet.compute.java;

import dev.plugnet.api.ComputeBackend;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.MatrixProducts;
import dev.plugnet.compute.java.rows.RowWorkers;

/**
 * The {@code java} backend: {@link PackedKernels} on plugnet's {@link RowWorkers}. A product is split across
 * threads only from {@link #PARALLEL_FROM} multiply-adds, where it pays on this kind of machine; below it runs
 * on the calling thread. Every output element is summed by the same code in the same order whatever thread
 * computes it, so results are bit-identical for any thread count (and so, here, across thread counts too).
 *
 * <p>The packed operand and the threads' scratch rows are grown to the largest product seen and reused, so a
 * product allocates nothing once warmed up. Products run one at a time (callers on other threads wait).
 */
final class JavaBackend implements ComputeBackend {
    /** Multiply-adds (m·k·n) from which a product is split across threads. */
    static final long PARALLEL_FROM = 1L << 19;
    /** Chunks per thread: small enough that a thread the OS pauses holds up little of a product. */
    private static final int CHUNKS_PER_THREAD = 8;

    private static final int MULTIPLY = 0;
    private static final int TRANSPOSE_MULTIPLY = 1;

    private final RowWorkers workers;
    private final double[][] rowScratch;
    private final Product product = new Product();
    private double[][] packed = new double[0][];

    JavaBackend(int threads) {
        this.workers = new RowWorkers(threads, "plugnet-java");
        this.rowScratch = new double[threads][0];
    }

    @Override
    public String name() {
        return JavaComputeProvider.NAME;
    }

    @Override
    public int threads() {
        return workers.threads();
    }

    @Override
    public String describe() {
        return "packed pure-Java kernels, row chunks on plugnet's threads";
    }

    @Override
    public void multiply(Matrix a, boolean transposeA, Matrix b, boolean transposeB, Matrix c, boolean accumulate) {
        MatrixProducts.requireProductShapes(a, transposeA, b, transposeB, c);
        if (transposeA && transposeB) { // no layer needs it: the reference loops
            MatrixProducts.plain().multiply(a, true, b, true, c, accumulate);
            return;
        }
        double[] ad = a.data();
        double[] bd = b.data();
        double[] cd = c.data();
        if (transposeA) { // c(k×n) = a(m×k)ᵀ · b(m×n)
            transposeMultiply(ad, bd, cd, a.rows(), a.cols(), b.cols(), accumulate);
        } else if (transposeB) { // c(m×k) = a(m×n) · b(k×n)ᵀ
            multiplyTranspose(ad, bd, cd, a.rows(), a.cols(), b.rows(), accumulate);
        } else { // c(m×n) = a(m×k) · b(k×n)
            multiply(ad, bd, cd, a.rows(), a.cols(), b.cols(), accumulate);
        }
    }

    private void multiply(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        long work = (long) m * k * n;
        if (!PackedKernels.packed(work, n)) {
            PackedKernels.multiplySmall(a, b, c, m, k, n, accumulate);
            return;
        }
        synchronized (this) {
            double[][] rows = packed(k, n);
            PackedKernels.packRows(b, rows, k, n);
            run(MULTIPLY, a, rows, c, m, k, n, accumulate, m, work);
        }
    }

    private void transposeMultiply(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        long work = (long) m * k * n;
        if (!PackedKernels.packed(work, n)) {
            PackedKernels.transposeMultiplySmall(a, b, c, m, k, n, accumulate);
            return;
        }
        synchronized (this) {
            double[][] rows = packed(m, n);
            PackedKernels.packRows(b, rows, m, n);
            run(TRANSPOSE_MULTIPLY, a, rows, c, m, k, n, accumulate, k, work);
        }
    }

    /** The packed form packs bᵀ (n rows of k) and runs {@link #multiply}'s loop. */
    private void multiplyTranspose(double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
        long work = (long) m * k * n;
        if (!PackedKernels.packed(work, k)) {
            PackedKernels.multiplyTransposeSmall(a, b, c, m, n, k, accumulate);
            return;
        }
        synchronized (this) {
            double[][] rows = packed(n, k);
            PackedKernels.packTransposed(b, rows, k, n);
            run(MULTIPLY, a, rows, c, m, n, k, accumulate, m, work);
        }
    }

    private void run(int kind, double[] a, double[][] rows, double[] c, int m, int k, int n, boolean accumulate,
                     int outputRows, long work) {
        product.set(kind, a, rows, c, m, k, n, accumulate);
        int chunks = work < PARALLEL_FROM ? 1 : workers.threads() * CHUNKS_PER_THREAD;
        try {
            workers.run(product, outputRows, chunks);
        } finally {
            product.clear();
        }
    }

    /** @return at least {@code rows} packing rows of at least {@code length} elements (grown, never shrunk) */
    private double[][] packed(int rows, int length) {
        double[][] p = packed;
        if (p.length < rows) {
            p = java.util.Arrays.copyOf(p, rows);
            packed = p;
        }
        for (int i = 0; i < rows; i++) {
            if (p[i] == null || p[i].length < length) {
                p[i] = new double[Math.max(length, p[i] == null ? 0 : p[i].length)];
            }
        }
        return p;
    }

    /** @return thread {@code t}'s scratch row of at least {@code length} elements */
    private double[] row(int t, int length) {
        double[] r = rowScratch[t];
        if (r.length < length) {
            r = new double[length];
            rowScratch[t] = r;
        }
        return r;
    }

    @Override
    public void close() {
        workers.close();
    }

    @Override
    public String toString() {
        return "java (" + threads() + (threads() == 1 ? " thread)" : " threads)");
    }

    /** A product in flight: what the workers run. Reused; holds nothing between calls. */
    private final class Product implements RowWorkers.RowJob {
        private int kind;
        private double[] a;
        private double[][] rows;
        private double[] c;
        private int m;
        private int k;
        private int n;
        private boolean accumulate;

        void set(int kind, double[] a, double[][] rows, double[] c, int m, int k, int n, boolean accumulate) {
            this.kind = kind;
            this.a = a;
            this.rows = rows;
            this.c = c;
            this.m = m;
            this.k = k;
            this.n = n;
            this.accumulate = accumulate;
        }

        void clear() {
            a = null;
            rows = null;
            c = null;
        }

        @Override
        public void rows(int t, int from, int to) {
            if (from >= to) {
                return;
            }
            double[] r = row(t, n);
            if (kind == MULTIPLY) {
                PackedKernels.multiplyRows(a, rows, c, k, n, from, to, r, accumulate);
            } else {
                PackedKernels.transposeMultiplyRows(a, rows, c, m, k, n, from, to, r, accumulate);
            }
        }
    }
}
