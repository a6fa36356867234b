package dev.plugnet.compute.openblas;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/** The few native calls the backend makes, loaded once; OpenBLAS's own threads are switched off. */
final class NativeBlas {
    static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    static final int NO_TRANSPOSE = openblas_nolapack.CblasNoTrans;
    static final int TRANSPOSE = openblas_nolapack.CblasTrans;

    private final String version;

    private NativeBlas(String version) {
        this.version = version;
    }

    /**
     * Loads OpenBLAS (JavaCPP extracts the platform jar's libraries to its cache on first use) and sets it to
     * one thread: plugnet's workers split the products, so OpenBLAS's own pool, which collapses when another
     * process takes a core, never runs.
     */
    static synchronized NativeBlas load() {
        Loader.load(openblas_nolapack.class);
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
        return new NativeBlas(openblas_nolapack.OPENBLAS_VERSION.trim());
    }

    /** @return for example {@code OpenBLAS 0.3.31} */
    String version() {
        return version;
    }

    /** {@code cblas_dgemm}, row-major; the pointers' positions are the operands' offsets. */
    static void dgemm(int transA, int transB, int m, int n, int k, DoublePointer a, int lda, DoublePointer b,
                      int ldb, double beta, DoublePointer c, int ldc) {
        openblas_nolapack.cblas_dgemm(ROW_MAJOR, transA, transB, m, n, k, 1.0, a, lda, b, ldb, beta, c, ldc);
    }
}
