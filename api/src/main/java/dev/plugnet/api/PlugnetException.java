package dev.plugnet.api;

/**
 * The root of plugnet's own errors. Each carries a <em>location</em> that tells a person where the problem is
 * (a JSON path such as {@code layers[1].units}, a CSV row and column, or a matrix operation) and a
 * <em>problem</em> that says what was expected. {@link #getMessage()} joins the two as
 * {@code "location: problem"}.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public class PlugnetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String location;
    private final String problem;

    /**
     * @param location where the problem is; empty when it has no place
     * @param problem what is wrong and what was expected
     */
    public PlugnetException(String location, String problem) {
        this(location, problem, null);
    }

    /**
     * @param location where the problem is; empty when it has no place
     * @param problem what is wrong and what was expected
     * @param cause the underlying error, kept for debugging, never shown to users
     */
    public PlugnetException(String location, String problem, Throwable cause) {
        super(join(location, problem), cause);
        this.location = location == null ? "" : location;
        this.problem = problem;
    }

    /** @return where the problem is, for example {@code layers[1].units}; empty if it has no place */
    public String location() {
        return location;
    }

    /** @return what is wrong, without the location */
    public String problem() {
        return problem;
    }

    private static String join(String location, String problem) {
        return location == null || location.isEmpty() ? problem : location + ": " + problem;
    }
}
