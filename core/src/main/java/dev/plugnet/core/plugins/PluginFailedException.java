package dev.plugnet.core.plugins;

import dev.plugnet.api.PlugnetException;

/**
 * Code in a plugin failed (threw something other than plugnet's own errors): a bug in that plugin, not in
 * plugnet and not in the user's input. The message is one line naming where in the model, the plugin, its
 * kind, module and jar, and what it was doing:
 * {@code layers[1] (residual_dense layer, com.outsider.plugins from …/outsider.jar) failed in backward:
 * ArrayIndexOutOfBoundsException: Index 4 out of bounds for length 4}. The plugin's exception is the cause.
 */
public final class PluginFailedException extends PlugnetException {
    private static final long serialVersionUID = 1L;

    private final transient PluginLabel plugin;

    private PluginFailedException(String location, String problem, PluginLabel plugin, Throwable cause) {
        super(location, problem, cause);
        this.plugin = plugin;
    }

    /**
     * @param location where in the model: {@code layers[1]}, {@code layers[1].activation}, {@code loss},
     *        {@code optimizer}, {@code shortcut}
     * @param plugin the plugin whose code threw
     * @param phase what it was doing: {@code create}, {@code forward}, {@code backward}, {@code value},
     *        {@code gradient}, {@code step}
     * @param cause what it threw
     */
    public static PluginFailedException of(String location, PluginLabel plugin, String phase, Throwable cause) {
        String message = cause.getMessage();
        String what = cause.getClass().getSimpleName() + (message == null || message.isBlank() ? ""
                : ": " + message.strip().replaceAll("\\s*\\R\\s*", " "));
        return new PluginFailedException(location, "(" + plugin.name() + " " + plugin.kind().word() + ", "
                + plugin.describe().substring(plugin.name().length() + 2) + ") failed in " + phase + ": " + what,
                plugin, cause);
    }

    /** @return the plugin whose code threw */
    public PluginLabel plugin() {
        return plugin;
    }

    @Override
    public String getMessage() {
        // "layers[1] (…) failed in …", not "layers[1]: (…)": the plugin belongs to the place
        return location().isEmpty() ? problem() : location() + " " + problem();
    }
}
