package dev.plugnet.api;

/**
 * What a {@link ComputeProvider} gets to start a backend.
 *
 * @param threads the most threads one product may use, counting the caller; at least 1. Plugnet's default is
 *        one per available processor; {@code --threads N} sets it
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
public record ComputeContext(int threads) {
    public ComputeContext {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }
}
