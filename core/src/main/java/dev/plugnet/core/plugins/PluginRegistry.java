package dev.plugnet.core.plugins;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.PluginNames;
import dev.plugnet.api.PluginProvider;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every plugin found, by kind and name, and a warning for everything from a plugin folder that was skipped.
 * Clashes stay local: two folder jars that name a plugin of one kind alike are both skipped with one warning
 * naming both (a model that uses the name gets an error naming both, see {@link #clash}); a folder plugin that
 * reuses a built-in name is skipped with a warning. Two built-in plugins of one name are an error naming both
 * modules (plugnet's own installation is broken). This and the
 * injector are the only places plugins are held.
 */
public final class PluginRegistry {
    private final Map<PluginKind, Map<String, InstalledPlugin>> byKind;
    private final Map<PluginKind, Map<String, List<InstalledPlugin>>> clashes;
    private final List<PluginWarning> warnings;

    private PluginRegistry(Map<PluginKind, Map<String, InstalledPlugin>> byKind,
                           Map<PluginKind, Map<String, List<InstalledPlugin>>> clashes, List<PluginWarning> warnings) {
        this.byKind = byKind;
        this.clashes = clashes;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Discovers the providers visible to this module: the boot layer's modules (their {@code provides}) and the
     * class path (its {@code META-INF/services}).
     *
     * @throws ConfigException if two plugins of one kind share a name
     */
    public static PluginRegistry discover() {
        return discover(List.of());
    }

    /**
     * Discovers the built-in providers (as {@link #discover()}) and those of plugin folders: each jar of each
     * folder (or each jar given directly) is resolved into its own child layer of the layer that holds plugnet.
     * A jar that cannot be used is skipped with a {@link #warnings() warning}; the others still load.
     *
     * @param sources plugin folders and jars, in order
     * @throws ConfigException if two plugins of one kind share a name, naming both modules and jars
     */
    public static PluginRegistry discover(List<Path> sources) {
        return discover(sources, List.of());
    }

    /**
     * Discovers the providers as {@link #discover(List)} does, and adds provider instances that a program
     * registers in code (for example a layer from the application's own class path, in no jar of its own).
     *
     * @param sources plugin folders and jars, in order
     * @param registered provider instances, each a {@code LayerProvider}, {@code ActivationProvider},
     *        {@code LossProvider}, {@code OptimizerProvider} or {@code ShortcutProvider}
     * @throws ConfigException if two plugins of one kind share a name (a registered one and a discovered one
     *         included), naming both modules and origins
     */
    public static PluginRegistry discover(List<Path> sources, List<? extends PluginProvider> registered) {
        List<InstalledPlugin> found = new ArrayList<>();
        ClassLoader loader = PluginRegistry.class.getClassLoader();
        for (PluginKind kind : PluginKind.values()) {
            for (PluginProvider provider : ServiceLoader.load(kind.spi(), loader)) {
                found.add(InstalledPlugin.builtIn(provider));
            }
        }
        List<PluginWarning> warnings = List.of();
        if (!sources.isEmpty()) {
            ModuleLayer layer = PluginRegistry.class.getModule().getLayer();
            PluginJars.Loaded loaded = PluginJars.load(sources, layer == null ? ModuleLayer.boot() : layer);
            found.addAll(loaded.plugins());
            warnings = loaded.warnings();
        }
        for (PluginProvider provider : registered) {
            found.add(InstalledPlugin.registered(provider));
        }
        return of(found, warnings);
    }

    /**
     * @param plugins the plugins to hold
     * @throws ConfigException if two plugins of one kind share a name
     */
    public static PluginRegistry of(Collection<InstalledPlugin> plugins) {
        return of(plugins, List.of());
    }

    /**
     * @param plugins the plugins to hold
     * @param warnings the plugin jars that were skipped, and why
     * @throws ConfigException if two plugins of one kind share a name, or a name breaks {@link PluginNames}' rule
     */
    public static PluginRegistry of(Collection<InstalledPlugin> plugins, List<PluginWarning> warnings) {
        Map<PluginKind, Map<String, InstalledPlugin>> byKind = new EnumMap<>(PluginKind.class);
        Map<PluginKind, Map<String, List<InstalledPlugin>>> clashes = new EnumMap<>(PluginKind.class);
        for (PluginKind kind : PluginKind.values()) {
            byKind.put(kind, new TreeMap<>());
            clashes.put(kind, new TreeMap<>());
        }
        for (InstalledPlugin plugin : plugins) {
            if (!PluginNames.isValid(plugin.name())) {
                throw new ConfigException("plugins", "the " + plugin.kind().word() + " plugin "
                        + plugin.provider().getClass().getName() + " in module " + plugin.module() + " ("
                        + plugin.origin() + ") has an invalid name " + PluginNames.shown(plugin.name()) + ": expected "
                        + PluginNames.RULE);
            }
        }
        List<PluginWarning> all = new ArrayList<>(warnings);
        // built-in plugins first: a folder plugin never displaces one
        List<InstalledPlugin> ordered = new ArrayList<>(plugins.stream().filter(InstalledPlugin::builtIn).toList());
        ordered.addAll(plugins.stream().filter(p -> !p.builtIn()).toList());
        for (InstalledPlugin plugin : ordered) {
            Map<String, InstalledPlugin> named = byKind.get(plugin.kind());
            Map<String, List<InstalledPlugin>> clashing = clashes.get(plugin.kind());
            InstalledPlugin earlier = named.get(plugin.name());
            String word = plugin.kind().word();
            if (clashing.containsKey(plugin.name())) {
                clashing.get(plugin.name()).add(plugin);
                all.add(new PluginWarning(Path.of(plugin.origin()), word + " plugin \"" + plugin.name()
                        + "\" in module " + plugin.module() + " (" + plugin.origin() + ")", "another jar already"
                        + " clashed on the name"));
                continue;
            }
            if (earlier == null) {
                named.put(plugin.name(), plugin);
                continue;
            }
            if (earlier.provider().getClass() == plugin.provider().getClass()
                    && earlier.origin().equals(plugin.origin())) {
                continue; // the same provider seen twice (module path and class path)
            }
            if (earlier.builtIn() && plugin.builtIn()) {
                throw new ConfigException("plugins", "two " + word + " plugins are named \"" + plugin.name()
                        + "\": one in module " + earlier.module() + " (" + earlier.origin() + "), one in module "
                        + plugin.module() + " (" + plugin.origin() + ")");
            }
            if (earlier.builtIn()) {
                all.add(new PluginWarning(Path.of(plugin.origin()), word + " plugin \"" + plugin.name()
                        + "\" in module " + plugin.module() + " (" + plugin.origin() + ")", "the name is taken by"
                        + " the " + ("built in".equals(earlier.origin()) ? "built-in " : "registered ") + word
                        + " plugin in module " + earlier.module()));
                continue;
            }
            named.remove(plugin.name());
            clashing.put(plugin.name(), new ArrayList<>(List.of(earlier, plugin)));
            all.add(new PluginWarning(Path.of(plugin.origin()), word + " plugins named \"" + plugin.name()
                    + "\" in module " + earlier.module() + " (" + earlier.origin() + ") and module " + plugin.module()
                    + " (" + plugin.origin() + ")", "two " + word + " plugins cannot share a name, so neither is"
                    + " loaded; remove one of the jars (the jars' other plugins still load)"));
        }
        return new PluginRegistry(byKind, clashes, all);
    }

    /**
     * @return if two plugin-folder jars both name a plugin {@code name} of {@code kind} (so neither was loaded),
     *         a sentence saying so that names both modules and jars, for a model that uses the name
     */
    public Optional<String> clash(PluginKind kind, String name) {
        List<InstalledPlugin> clashing = clashes.get(kind).get(name);
        if (clashing == null) {
            return Optional.empty();
        }
        return Optional.of(clashing.size() + " " + kind.word() + " plugins are named \"" + name + "\": "
                + String.join(", ", clashing.stream().map(p -> "module " + p.module() + " (" + p.origin() + ")")
                .toList()) + "; neither is loaded, so remove all but one of the jars");
    }

    /** @return a warning for each plugin jar (or provider in one) that was skipped, in the order met */
    public List<PluginWarning> warnings() {
        return warnings;
    }

    /** @return the plugins of {@code kind}, by name, in name order */
    public Map<String, InstalledPlugin> plugins(PluginKind kind) {
        return java.util.Collections.unmodifiableMap(byKind.get(kind));
    }

    /** @return the providers of one kind, by name */
    public <P extends PluginProvider> Map<String, P> providers(PluginKind kind, Class<P> type) {
        Map<String, P> out = new TreeMap<>();
        byKind.get(kind).forEach((name, plugin) -> out.put(name, type.cast(plugin.provider())));
        return out;
    }

    /** @return the plugin of {@code kind} named {@code name}, if installed */
    public Optional<InstalledPlugin> find(PluginKind kind, String name) {
        return Optional.ofNullable(byKind.get(kind).get(name));
    }

    /** @return every plugin, by kind then name */
    public List<InstalledPlugin> all() {
        List<InstalledPlugin> all = new ArrayList<>();
        byKind.values().forEach(m -> all.addAll(m.values()));
        all.sort(Comparator.comparing(InstalledPlugin::kind).thenComparing(InstalledPlugin::name));
        return all;
    }
}
