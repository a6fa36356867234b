package dev.plugnet.core.json;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Options;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A number as the user wrote it, for messages: a parsed tree holds {@code 1e400} as an infinity and
 * {@code 1e-400} as 0, so a message that quoted the tree would show a number nobody wrote. On the error path
 * only, the text is scanned again for the number at the message's JSON path.
 */
public final class RawNumbers {
    /** What {@link JsonValues#describe} says of a number beyond a double's range. */
    static final String BEYOND = "one beyond the range of a double (±1.8e308)";

    private RawNumbers() {
    }

    /**
     * @return {@code e} with the number at its location quoted as written: "got one beyond the range of a
     *         double" becomes "got 1e400, beyond the range of a double", and a message about a number written
     *         non-zero that reads as 0 or a denormal (below {@link Double#MIN_NORMAL}) adds how it was written;
     *         {@code e} itself when its location holds no such number
     */
    public static ConfigException quoted(ConfigException e, TokenStreamFactory factory, String text) {
        String raw;
        try {
            raw = at(factory, text, e.location());
        } catch (RuntimeException notJson) {
            return e;
        }
        if (raw == null) {
            return e;
        }
        String problem = e.problem();
        if (problem.contains("got " + BEYOND)) {
            return new ConfigException(e.location(), problem.replace("got " + BEYOND, "got " + raw + ", beyond the"
                    + " range of a double (±1.8e308)"));
        }
        double v = Double.parseDouble(raw);
        if (Math.abs(v) < Double.MIN_NORMAL && raw.matches(".*[1-9].*[eE].*") && !problem.contains(raw)) {
            return new ConfigException(e.location(), problem + " (written " + raw + ", which is below the"
                    + " smallest normal double, 2.2e-308" + (v == 0 ? ", so it reads as 0)" : ")"));
        }
        return e;
    }

    /**
     * @param path a JSON path as plugnet spells it ({@code weights["layers[0].W"].values[3]})
     * @return the number at {@code path} in {@code text} as it is written there, or {@code null}
     */
    static String at(TokenStreamFactory factory, String text, String path) {
        Deque<Object> where = new ArrayDeque<>(); // a field's path (String) or an array's next index (int[])
        Deque<String> paths = new ArrayDeque<>();
        paths.push("$");
        try (JsonParser in = factory.createParser(ObjectReadContext.empty(), text)) {
            String pending = null;
            for (JsonToken t = in.nextToken(); t != null; t = in.nextToken()) {
                if (t == JsonToken.PROPERTY_NAME) {
                    pending = Options.childPath(paths.peek(), in.currentName());
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    paths.pop();
                    where.pop();
                    continue;
                }
                String here;
                if (pending != null) {
                    here = pending;
                    pending = null;
                } else if (!where.isEmpty() && where.peek() instanceof int[] next) {
                    here = (paths.peek().equals("$") ? "$" : paths.peek()) + "[" + next[0]++ + "]";
                } else {
                    here = "$";
                }
                if (t == JsonToken.START_OBJECT) {
                    paths.push(here);
                    where.push(here);
                } else if (t == JsonToken.START_ARRAY) {
                    paths.push(here);
                    where.push(new int[1]);
                } else if (t.isNumeric() && here.equals(path)) {
                    return in.getString();
                }
            }
        }
        return null;
    }
}
