package dev.plugnet.api;

import java.util.regex.Pattern;

/**
 * The rule for plugin names and option names, in one place: lower case letters, digits and underscores,
 * starting with a letter ({@code dense}, {@code softmax_cross_entropy}, {@code learning_rate}). plugnet checks
 * every plugin it loads against it, built in or from a folder, and the testkit checks plugins and their options.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public final class PluginNames {
    /** The rule in words, for messages. */
    public static final String RULE = "lower case letters, digits and underscores, starting with a letter";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private PluginNames() {
    }

    /** @return whether {@code name} follows the rule ({@code null} does not) */
    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** @return {@code name} as messages show it: quoted, or {@code null} */
    public static String shown(String name) {
        return name == null ? "null" : "\"" + name + "\"";
    }
}
