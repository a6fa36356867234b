package dev.plugnet.api;

/**
 * A started compute backend: the {@link MatrixProducts} of a run, with the threads and native resources it
 * holds until {@link #close()}. The layers of a network share one backend and never close it.
 *
 * <p>Besides {@link MatrixProducts}' contract, results are bit-identical for a given backend and thread count,
 * whichever thread computes what (the reproducibility promise of a seeded run). Different backends may differ
 * in the last bits; each must match the reference cases to 1e-9.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
public interface ComputeBackend extends MatrixProducts, AutoCloseable {
    /** @return the backend's name, as its {@link ComputeProvider#name()} */
    String name();

    /** @return the most threads one product uses, counting the caller */
    int threads();

    /**
     * @return what runs the products, for reports: for example {@code "packed Java kernels"} or
     *         {@code "OpenBLAS 0.3.31 (Haswell kernels), one call per row chunk"}
     */
    String describe();

    /** Releases the backend's threads and native memory; products after this still work on the caller. */
    @Override
    void close();
}
