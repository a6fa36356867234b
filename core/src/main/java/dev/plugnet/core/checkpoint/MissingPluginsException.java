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

    MissingPluginsException(String location, List<String> missing) {
        super(location, problem(missing, DEFAULT_ADVICE));
        this.missing = List.copyOf(missing);
    }

    private static String problem(List<String> missing, String advice) {
        return "needs plugins that are not installed: " + String.join(", ", missing) + "; " + advice;
    }

    /** @return each missing plugin, described: {@code layer "layer_norm" (module com.example.plugnet.layers@1.0.0)} */
    public List<String> missing() {
        return missing;
    }

    /** @return the message with {@code advice} instead of the default advice */
    public String withAdvice(String advice) {
        String problem = problem(missing, advice);
        return location().isEmpty() ? problem : location() + ": " + problem;
    }
}
