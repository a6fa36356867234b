package dev.plugnet.compute.openblas;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code dgemm} on the Java arrays themselves, without copying them to native memory: netlib's JNI binding
 * ({@code dev.ludovic.netlib.blas}, Spark's choice) pins the arrays for the call (JNI critical access) and
 * calls the OpenBLAS library that bytedeco's jar shipped and {@link NativeBlas#load} loaded, so the same
 * library, set to one thread, runs on both paths.
 *
 * <p>netlib's binding is one per JVM and takes its library from a system property when it first loads. This
 * class binds it only when plugnet is first: if the binding is already loaded (another library in the same
 * JVM, for example Spark's MLlib, used it first) or the property names another library, the backend keeps its
 * copying path, which is always correct, and says why in {@link #unavailableBecause}.
 */
final class HeapBlas {
    /** netlib's system property naming the BLAS library its binding opens. */
    static final String LIBRARY_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";
    /** The name of netlib's JNI library as the dynamic loader maps it. */
    private static final String BINDING = "libnetlibblasjni";
    /** The logger netlib announces its chosen implementation on. */
    private static final String ANNOUNCER = "dev.ludovic.netlib.blas.InstanceBuilder";

    private final BLAS blas;

    private HeapBlas(BLAS blas) {
        this.blas = blas;
    }

    /** The outcome of binding: the zero-copy path, or why the backend copies. */
    record Binding(HeapBlas blas, String unavailableBecause) {
    }

    /** Binds netlib's JNI to the OpenBLAS that {@link NativeBlas#load} loaded (call that first). */
    static synchronized Binding bind() {
        String library = bundledLibrary(org.bytedeco.javacpp.Loader.getLoadedLibraries());
        if (library == null) {
            return new Binding(null, "the OpenBLAS library's path is unknown");
        }
        String set = System.getProperty(LIBRARY_PROPERTY);
        if (set != null && !set.equals(library)) {
            return new Binding(null, LIBRARY_PROPERTY + " names another library (" + set + ")");
        }
        if (set == null && bindingAlreadyLoaded()) {
            return new Binding(null, "netlib's BLAS binding was already loaded for another library");
        }
        // netlib announces its choice at INFO on first use; the backend's own description says it instead
        Logger announcer = Logger.getLogger(ANNOUNCER);
        Level level = announcer.getLevel();
        announcer.setLevel(Level.WARNING);
        try {
            System.setProperty(LIBRARY_PROPERTY, library);
            return new Binding(new HeapBlas(NativeBLAS.getInstance()), null);
        } catch (LinkageError | RuntimeException e) {
            return new Binding(null, "netlib's BLAS binding did not load: " + e);
        } finally {
            announcer.setLevel(level);
        }
    }

    /** @return the path of bytedeco's OpenBLAS among JavaCPP's loaded libraries, or null */
    static String bundledLibrary(Map<String, String> loaded) {
        for (Map.Entry<String, String> e : loaded.entrySet()) {
            if (e.getKey().startsWith("openblas_nolapack@") || e.getKey().equals("openblas_nolapack")) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * Whether netlib's JNI library is mapped into this process already (Linux's {@code /proc/self/maps}).
     * Where that cannot be read the answer is "yes", so the backend keeps its copying path.
     */
    private static boolean bindingAlreadyLoaded() {
        try {
            return Files.readString(Path.of("/proc/self/maps")).contains(BINDING);
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /**
     * Row-major {@code C = op(A)·op(B) + beta·C} on arrays at offsets, as {@code cblas_dgemm} with
     * {@code CblasRowMajor} would: netlib's {@code dgemm} is column-major, and a row-major product is the
     * column-major product of the transposes in the other order, {@code Cᵀ = op(B)ᵀ·op(A)ᵀ}.
     */
    void dgemm(boolean transposeA, boolean transposeB, int m, int n, int k, double[] a, int aOffset, int lda,
               double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc) {
        blas.dgemm(transposeB ? "T" : "N", transposeA ? "T" : "N", n, m, k, 1.0, b, bOffset, ldb, a, aOffset, lda,
                beta, c, cOffset, ldc);
    }
}
