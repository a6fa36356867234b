package dev.plugnet.api;

/**
 * Provides a compute backend, named by the {@code compute} setting ({@code "compute": "java"} in a model
 * file's training section, or {@code --compute java}): something that runs {@link MatrixProducts}, for
 * example plugnet's packed Java kernels ({@code java}, always installed) or a native BLAS.
 *
 * <p>A backend may fail to start where its native code cannot load; {@link #open} then throws
 * {@link ComputeUnavailableException} saying why, and plugnet warns once and runs {@code java}. Constructing
 * the provider must not load anything (the registry instantiates every provider to read its name).
 *
 * <p>The setting {@code auto} lets each product run on the backend that is fastest for its size: every
 * backend that opens declares, in {@link #autoFrom()}, the multiply-adds ({@code m·k·n}) from which it
 * should be preferred, and each product runs on the backend with the largest such threshold not above its
 * size. The choice depends on sizes only, so {@code auto} is as reproducible as a single backend.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
public interface ComputeProvider extends PluginProvider {
    /**
     * Starts the backend (loading native code, if any). Called once per run; the caller closes the backend.
     *
     * @param context the run's thread count
     * @return a backend that uses at most {@code context.threads()} threads for a product
     * @throws ComputeUnavailableException if the backend cannot run on this machine, saying why
     */
    ComputeBackend open(ComputeContext context);

    /**
     * @return the multiply-adds ({@code m·k·n}) from which {@code auto} prefers this backend; {@code 0} for the
     *         fallback that runs everything, {@link Long#MAX_VALUE} (the default) for a backend {@code auto}
     *         never picks
     */
    default long autoFrom() {
        return Long.MAX_VALUE;
    }
}
