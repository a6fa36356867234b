package dev.plugnet.api;

/**
 * Versions a plugin or a file can be checked against.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public final class ApiVersion {
    /**
     * The api's major version. It changes only when an SPI changes incompatibly; a plugin compiled against
     * another major version is refused when its jar is loaded from a plugin folder, with a message saying which
     * version it needs. It is also the first number of the api artifact's version ({@code 1.x.y}).
     *
     * <p>How a plugin jar records the api version it was compiled against:
     * <ul>
     * <li>An explicit module (a jar with {@code module-info.class}) records it by itself: javac stores the
     *     version of each required module in the descriptor ({@link java.lang.module.ModuleDescriptor.Requires#compiledVersion()}),
     *     and the api jar carries its version ({@code maven-compiler-plugin} sets {@code --module-version} to the
     *     project version). Nothing to do for a plugin author who builds with Maven.</li>
     * <li>A plain jar (an automatic module) may carry the manifest attribute {@value #MANIFEST_ATTRIBUTE}, for
     *     example {@code Plugnet-Api-Version: 1.0.0}. It is also read for explicit modules whose descriptor
     *     records no version.</li>
     * <li>A jar that records neither is loaded as if compatible.</li>
     * </ul>
     */
    public static final int MAJOR = 1;

    /** The manifest attribute that tells which api version a plain plugin jar was built against. */
    public static final String MANIFEST_ATTRIBUTE = "Plugnet-Api-Version";

    /**
     * The version of the model file format. A model file carries it in its {@code format} field; the reader
     * refuses a file whose format is newer than this. (Checkpoints have a format of their own, which core
     * keeps beside its checkpoint reader and writer.)
     */
    public static final int MODEL_FORMAT = 1;

    private ApiVersion() {
    }
}
