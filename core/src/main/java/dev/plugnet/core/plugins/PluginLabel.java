package dev.plugnet.core.plugins;

/**
 * Who a plugin is, for messages about it: its kind, name, module and where it came from.
 *
 * @param kind what it is
 * @param name its name
 * @param module its module ({@code unnamed} on the class path)
 * @param origin {@code built in}, or the jar's path
 */
public record PluginLabel(PluginKind kind, String name, String module, String origin) {
    /** @return a label for a plugin the registry does not know (a test's hand-made provider) */
    public static PluginLabel unknown(PluginKind kind, String name) {
        return new PluginLabel(kind, name, "unknown module", "not installed");
    }

    /** @return the label of an installed plugin */
    public static PluginLabel of(InstalledPlugin plugin) {
        return new PluginLabel(plugin.kind(), plugin.name(), plugin.module(), plugin.origin());
    }

    /**
     * @return {@code residual_dense, com.outsider.plugins from /…/outsider.jar}, or for a built-in plugin
     *         {@code dense, dev.plugnet.layers.dense, built in}
     */
    public String describe() {
        return name + ", " + module + ("built in".equals(origin) ? ", built in" : " from " + origin);
    }
}
