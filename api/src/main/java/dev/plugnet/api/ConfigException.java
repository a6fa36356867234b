package dev.plugnet.api;

/**
 * A model configuration (or a plugin's options) that cannot be used. The location is the JSON path of the
 * offending value, for example {@code layers[2].units}, and the problem says what was expected, for example
 * {@code expected a positive integer, got -3}.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public class ConfigException extends PlugnetException {
    private static final long serialVersionUID = 1L;

    /**
     * @param path JSON path of the offending value ({@code $} or empty for the whole document)
     * @param problem what was expected and what was found
     */
    public ConfigException(String path, String problem) {
        super(path, problem);
    }

    /**
     * @param path JSON path of the offending value
     * @param problem what was expected and what was found
     * @param cause the underlying error
     */
    public ConfigException(String path, String problem, Throwable cause) {
        super(path, problem, cause);
    }
}
