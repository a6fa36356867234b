package dev.plugnet.core.checkpoint;

import java.util.List;

/**
 * A checkpoint needs plugins that are not installed. The message names each one (kind, name, module and the
 * version it was written with) and ends with advice on installing them; a client that knows how plugnet was
 * started (the command-line app's {@code --plugins DIR}) replaces the advice with {@link #withAdvice}.
 */
public final class MissingPluginsException extends CheckpointException {
    private static final long serialVersionUID = 1L;

    /** The advice for a program embedding plugnet. */
    public static final String DEFAULT_ADVICE = "add their jars to a plugin folder or to the module path";

    private final List<String> missing;
    private final String purpose;

    /** @param purpose what needs them ({@code "evaluate reports the loss"}), or {@code null} */
    MissingPluginsException(String location, String purpose, List<String> missing) {
        super(location, problem(purpose, missing, DEFAULT_ADVICE));
        this.missing = List.copyOf(missing);
        this.purpose = purpose;
    }

    private static String problem(String purpose, List<String> missing, String advice) {
        return (purpose == null ? "" : purpose + ", and ") + "needs plugins that are not installed: "
                + String.join(", ", missing) + "; " + advice;
    }

    /** @return each missing plugin, described: {@code layer "layer_norm" (module com.example.plugnet.layers@1.0.0)} */
    public List<String> missing() {
        return missing;
    }

    /** @return the message with {@code advice} instead of the default advice */
    public String withAdvice(String advice) {
        String problem = problem(purpose, missing, advice);
        return location().isEmpty() ? problem : location() + ": " + problem;
    }
}
