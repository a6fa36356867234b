package dev.plugnet.api;

/**
 * Versions a plugin or a file can be checked against.
 */
public final class ApiVersion {
    /**
     * The api's major version. It changes only when an SPI changes incompatibly; a plugin compiled against
     * another major version is refused.
     */
    public static final int MAJOR = 1;

    /**
     * The version of the model and checkpoint file format. Files carry it in their {@code format} field; a
     * reader refuses a file whose format is newer than this.
     */
    public static final int MODEL_FORMAT = 1;

    private ApiVersion() {
    }
}
