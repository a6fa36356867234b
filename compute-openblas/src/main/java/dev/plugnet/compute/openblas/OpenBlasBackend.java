package dev.plugnet.compute.openblas;

import dev.plugnet.api.ComputeBackend;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.MatrixProducts;
import dev.plugnet.compute.java.rows.RowWorkers;
import org.bytedeco.javacpp.DoublePointer;

/**
 * The {@code openblas} backend. From {@link #PARALLEL_FROM} multiply-adds a product's output is cut into
 * chunks that plugnet's {@link RowWorkers} claim, each chunk one single-threaded {@code dgemm}. A chunk is a
 * band of output rows when the output is at least as tall as it is wide, else a band of columns, so that the
 * operand every chunk re-packs is the smaller one.
 *
 * <p>Two ways to reach the library, the same chunks on both: on the Java arrays themselves through
 * {@link HeapBlas} (no copy), or, where that binding is not plugnet's, through native buffers the operands
 * are copied into (grown to the largest product seen, then reused: nothing is allocated per product).
 *
 * <p>Why not OpenBLAS's own threads: they spin-wait for each other, so when another process takes a core a
 * product waits for a descheduled thread (measured: 4 GFLOP/s instead of 113–132 on this kind of machine);
 * claimed chunks let the free threads do the work.
 *
 * <p>Reproducible: the chunk boundaries depend only on the shapes and the thread count, and each chunk is
 * one call on fixed operands, so results are bit-identical for a given thread count, whichever thread runs
 * which chunk. Different thread counts may differ in the last bits.
 */
final class OpenBlasBackend implements ComputeBackend {
    /** Multiply-adds from which a product is split across threads. */
    static final long PARALLEL_FROM = 1L << 19;
    /**
     * Chunks per thread: one, since each chunk re-packs an operand (measured at W3, 2 threads: 1 chunk per
     * thread 113 GFLOP/s, 2 chunks 110, 4 chunks 104). A paused thread's chunk is {@link RowWorkers}'s concern:
     * after such a stall the caller computes the chunks alone for a while.
     */
    static final int CHUNKS_PER_THREAD = 1;

    private final NativeBlas blas;
    private final HeapBlas heapBlas;
    private final String copiesBecause;
    private final RowWorkers workers;
    private final HeapChunk heapChunk = new HeapChunk();
    private final Chunk chunk = new Chunk();
    private final Copy copy = new Copy();
    private final DoublePointer[][] views;
    private DoublePointer a;
    private DoublePointer b;
    private DoublePointer c;

    /**
     * @param heap the zero-copy binding, or that of {@code copiesBecause}: why the backend copies instead
     */
    OpenBlasBackend(NativeBlas blas, HeapBlas.Binding heap, int threads) {
        this.blas = blas;
        this.heapBlas = heap.blas();
        this.copiesBecause = heap.unavailableBecause();
        this.workers = new RowWorkers(threads, "plugnet-openblas");
        this.views = new DoublePointer[threads][];
    }

    @Override
    public String name() {
        return OpenBlasComputeProvider.NAME;
    }

    @Override
    public int threads() {
        return workers.threads();
    }

    @Override
    public String describe() {
        String core = System.getenv("OPENBLAS_CORETYPE");
        return blas.version() + (core == null || core.isBlank() ? "" : " (" + core + " kernels)")
                + ", single-threaded calls on row or column chunks on plugnet's threads, "
                + (heapBlas != null ? "on the Java arrays (no copies)" : "through native copies (" + copiesBecause + ")");
    }

    @Override
    public void multiply(Matrix am, boolean transposeA, Matrix bm, boolean transposeB, Matrix cm, boolean accumulate) {
        MatrixProducts.requireProductShapes(am, transposeA, bm, transposeB, cm);
        int m = cm.rows();
        int n = cm.cols();
        int k = transposeA ? am.rows() : am.cols();
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                cm.fill(0);
            }
            return;
        }
        long work = (long) m * n * k;
        boolean parallel = work >= PARALLEL_FROM;
        int threads = parallel ? workers.threads() : 1;
        boolean byRows = n <= m;
        int chunks = parallel ? threads * CHUNKS_PER_THREAD : 1;
        synchronized (this) {
            if (heapBlas != null) {
                heapChunk.shape(transposeA, am.cols(), transposeB, bm.cols(), m, n, k, accumulate, byRows);
                heapChunk.set(am.data(), bm.data(), cm.data());
                workers.run(heapChunk, byRows ? m : n, chunks);
                heapChunk.clear();
                return;
            }
            double[] ad = am.data();
            double[] bd = bm.data();
            double[] cd = cm.data();
            reserve(ad.length, bd.length, cd.length);
            copy.set(true, ad, bd, accumulate ? cd : null);
            workers.run(copy, copy.blocks(), threads);
            chunk.shape(transposeA, am.cols(), transposeB, bm.cols(), m, n, k, accumulate, byRows);
            workers.run(chunk, byRows ? m : n, chunks);
            copy.set(false, null, null, cd);
            workers.run(copy, copy.blocks(), threads);
            copy.clear();
        }
    }

    /** Grows the native buffers (and the threads' views of them) to at least these lengths. */
    private void reserve(int aLength, int bLength, int cLength) {
        boolean grown = false;
        if (a == null || a.capacity() < aLength) {
            a = replace(a, aLength);
            grown = true;
        }
        if (b == null || b.capacity() < bLength) {
            b = replace(b, bLength);
            grown = true;
        }
        if (c == null || c.capacity() < cLength) {
            c = replace(c, cLength);
            grown = true;
        }
        if (grown) {
            for (int t = 0; t < views.length; t++) {
                views[t] = new DoublePointer[] {new DoublePointer(a), new DoublePointer(b), new DoublePointer(c)};
            }
        }
    }

    private static DoublePointer replace(DoublePointer old, long length) {
        if (old != null) {
            old.close();
        }
        return new DoublePointer(Math.max(1, length));
    }

    @Override
    public synchronized void close() {
        workers.close();
        for (DoublePointer p : new DoublePointer[] {a, b, c}) {
            if (p != null) {
                p.close();
            }
        }
        a = null;
        b = null;
        c = null;
    }

    @Override
    public String toString() {
        return "openblas (" + threads() + (threads() == 1 ? " thread)" : " threads)");
    }

    /**
     * Copies between the heap arrays and the native buffers, in blocks the threads share: in, the operands
     * (and {@code c} when accumulating); out, {@code c}.
     */
    private final class Copy implements RowWorkers.RowJob {
        private static final int BLOCK = 1 << 14;
        private final double[][] arrays = new double[3][];
        private final int[] firstBlock = new int[4];
        private boolean in;

        void set(boolean in, double[] a, double[] b, double[] c) {
            this.in = in;
            arrays[0] = a;
            arrays[1] = b;
            arrays[2] = c;
            int blocks = 0;
            for (int s = 0; s < 3; s++) {
                firstBlock[s] = blocks;
                blocks += arrays[s] == null ? 0 : (arrays[s].length + BLOCK - 1) / BLOCK;
            }
            firstBlock[3] = blocks;
        }

        int blocks() {
            return firstBlock[3];
        }

        void clear() {
            arrays[0] = null;
            arrays[1] = null;
            arrays[2] = null;
        }

        @Override
        public void rows(int thread, int from, int to) {
            DoublePointer[] v = views[thread];
            for (int s = 0; s < 3; s++) {
                double[] array = arrays[s];
                int lo = Math.max(from, firstBlock[s]);
                int hi = Math.min(to, firstBlock[s + 1]);
                if (array == null || lo >= hi) {
                    continue;
                }
                int start = (lo - firstBlock[s]) * BLOCK;
                int end = Math.min(array.length, (hi - firstBlock[s]) * BLOCK);
                v[s].position(start);
                if (in) {
                    v[s].put(array, start, end - start);
                } else {
                    v[s].get(array, start, end - start);
                }
            }
        }
    }

    /**
     * The product in flight, cut into bands of output rows or columns: its shape, set per product on a reused
     * instance (nothing is allocated per product).
     */
    private abstract static class ChunkedProduct implements RowWorkers.RowJob {
        boolean transposeA;
        int lda;
        boolean transposeB;
        int ldb;
        int m;
        int n;
        int k;
        double beta;
        boolean byRows;

        final void shape(boolean transposeA, int lda, boolean transposeB, int ldb, int m, int n, int k,
                         boolean accumulate, boolean byRows) {
            this.transposeA = transposeA;
            this.lda = lda;
            this.transposeB = transposeB;
            this.ldb = ldb;
            this.m = m;
            this.n = n;
            this.k = k;
            this.beta = accumulate ? 1.0 : 0.0;
            this.byRows = byRows;
        }
    }

    /** The product on the Java arrays. */
    private final class HeapChunk extends ChunkedProduct {
        private double[] a;
        private double[] b;
        private double[] c;

        void set(double[] a, double[] b, double[] c) {
            this.a = a;
            this.b = b;
            this.c = c;
        }

        void clear() {
            set(null, null, null);
        }

        @Override
        public void rows(int thread, int from, int to) {
            if (from >= to) {
                return;
            }
            if (byRows) { // rows [from, to) of C: rows of op(A) (columns of A when transposed)
                heapBlas.dgemm(transposeA, transposeB, to - from, n, k, a, transposeA ? from : from * lda, lda, b, 0,
                        ldb, beta, c, from * n, n);
            } else { // columns [from, to) of C: columns of op(B) (rows of B when transposed)
                heapBlas.dgemm(transposeA, transposeB, m, to - from, k, a, 0, lda, b, transposeB ? from * ldb : from,
                        ldb, beta, c, from, n);
            }
        }
    }

    /** The product through the native buffers. */
    private final class Chunk extends ChunkedProduct {
        @Override
        public void rows(int thread, int from, int to) {
            if (from >= to) {
                return;
            }
            DoublePointer[] v = views[thread];
            DoublePointer av = v[0];
            DoublePointer bv = v[1];
            DoublePointer cv = v[2];
            int rows = m;
            int cols = n;
            if (byRows) { // rows [from, to) of C: rows of op(A) (columns of A when transposed)
                av.position(transposeA ? from : (long) from * lda);
                bv.position(0);
                cv.position((long) from * n);
                rows = to - from;
            } else { // columns [from, to) of C: columns of op(B) (rows of B when transposed)
                av.position(0);
                bv.position(transposeB ? (long) from * ldb : from);
                cv.position(from);
                cols = to - from;
            }
            NativeBlas.dgemm(transposeA ? NativeBlas.TRANSPOSE : NativeBlas.NO_TRANSPOSE,
                    transposeB ? NativeBlas.TRANSPOSE : NativeBlas.NO_TRANSPOSE, rows, cols, k, av, lda, bv, ldb,
                    beta, cv, n);
        }
    }
}
