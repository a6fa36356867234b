package dev.plugnet.core.plugins;

import dev.plugnet.api.PluginProvider;

/**
 * One plugin the registry found.
 *
 * @param kind what it is
 * @param provider the provider instance
 * @param module the name of the module that holds it ({@code unnamed} on the class path)
 * @param version the module's version, or empty if it has none
 * @param origin where it came from: {@code built in} for the boot layer, or the jar's path
 */
public record InstalledPlugin(PluginKind kind, PluginProvider provider, String module, String version,
                              String origin) {
    /**
     * @return whether it is part of plugnet's own installation — built in (the layer that holds plugnet) or
     *         registered in code by the program embedding plugnet — rather than from a plugin folder
     */
    public boolean builtIn() {
        return "built in".equals(origin) || REGISTERED.equals(origin);
    }

    /** @return the plugin's name */
    public String name() {
        return provider.name();
    }

    /** The origin of a provider that a program registered in code. */
    public static final String REGISTERED = "registered in code";

    /** @return the plugin for a provider found in the boot layer or on the class path */
    public static InstalledPlugin builtIn(PluginProvider provider) {
        return of(provider, "built in");
    }

    /** @return the plugin for a provider instance that a program registered in code, not found by discovery */
    public static InstalledPlugin registered(PluginProvider provider) {
        return of(provider, REGISTERED);
    }

    private static InstalledPlugin of(PluginProvider provider, String origin) {
        Module module = provider.getClass().getModule();
        String name = module.isNamed() ? module.getName() : "unnamed";
        String version = module.getDescriptor() == null ? ""
                : module.getDescriptor().rawVersion().orElse("");
        return new InstalledPlugin(PluginKind.of(provider), provider, name, version, origin);
    }
}
