package dev.plugnet.compute.openblas;

import dev.plugnet.api.ComputeBackend;
import dev.plugnet.api.ComputeContext;
import dev.plugnet.api.ComputeProvider;
import dev.plugnet.api.ComputeUnavailableException;

/**
 * The {@code openblas} compute backend: OpenBLAS's {@code dgemm} through bytedeco's JavaCPP binding, whose
 * platform jar ships the native library (nothing to install on the machine). The native code is loaded by
 * {@link #open}, never when the provider is constructed.
 */
public final class OpenBlasComputeProvider implements ComputeProvider {
    /** The backend's name. */
    public static final String NAME = "openblas";
    /**
     * Multiply-adds from which {@code auto} prefers this backend: below it a native call costs more than the Java
     * kernels' arithmetic. Measured with {@code bench --compute auto}, one thread: W2 (whose largest products are
     * 65,536 multiply-adds) ran at 16.2 GFLOP/s from 131,072, 19.5 from 32,768, 22.5 from 8,192 and 22.7 from
     * 2,048, while W1 (at most 320) keeps every product in Java at any of these.
     */
    static final long AUTO_FROM = 1L << 13;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "OpenBLAS dgemm (native library shipped in the jar, called on the Java arrays), one single-threaded"
                + " call per thread's share of the output on plugnet's threads.";
    }

    @Override
    public ComputeBackend open(ComputeContext context) {
        NativeBlas blas;
        try {
            blas = NativeBlas.load();
        } catch (LinkageError | RuntimeException e) {
            String reason = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getMessage();
            throw new ComputeUnavailableException(NAME, "the OpenBLAS native library did not load: " + reason, e);
        }
        return new OpenBlasBackend(blas, HeapBlas.bind(), context.threads());
    }

    @Override
    public long autoFrom() {
        return AUTO_FROM;
    }
}
