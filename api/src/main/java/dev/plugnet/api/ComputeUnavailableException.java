package dev.plugnet.api;

/**
 * Thrown by {@link ComputeProvider#open} when a backend cannot run on this machine (its native library is
 * missing for this platform, fails to load, or reports an error), with the reason in words. Plugnet turns it
 * into one warning and runs the {@code java} backend instead.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
public class ComputeUnavailableException extends PlugnetException {
    private static final long serialVersionUID = 1L;

    /**
     * @param backend the backend's name, the message's location
     * @param reason why it cannot run, for example {@code "no native library for linux-aarch64"}
     * @param cause the underlying error, kept for debugging
     */
    public ComputeUnavailableException(String backend, String reason, Throwable cause) {
        super("compute " + backend, reason, cause);
    }
}
