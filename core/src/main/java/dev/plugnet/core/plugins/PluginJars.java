package dev.plugnet.core.plugins;

import dev.plugnet.api.PluginNames;
import dev.plugnet.api.PluginProvider;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Loads plugins from folders of jars, each plugin jar into its own child {@link ModuleLayer} of the layer that
 * holds plugnet (the boot layer when plugnet runs on the module path).
 *
 * <p>A jar is an explicit module (it has a {@code module-info.class}) or a plain jar, which becomes an
 * automatic module whose {@code META-INF/services} entries count as its {@code provides}. Every jar of every
 * folder can serve as a dependency of the others (a plugin may ship a library jar beside it); each jar that
 * provides a plugnet SPI is resolved on its own, as the root of its own layer with one class loader, and only
 * the providers of that root module are taken ({@link ServiceLoader#load(ModuleLayer, Class)} also sees the
 * ancestors' providers, which are built in).
 *
 * <p>Failures stay local: a jar that is not a valid module, needs a module that is absent, splits a package
 * with a module it reads, was compiled against another api major version, or whose provider throws while it is
 * loaded, becomes one {@link PluginWarning} naming the jar, and every other jar still loads.
 */
final class PluginJars {
    private static final Set<String> SPI_NAMES = spiNames();

    private final ModuleLayer parent;
    private final ClassLoader parentLoader;
    private final List<InstalledPlugin> plugins = new ArrayList<>();
    private final List<PluginWarning> warnings = new ArrayList<>();

    private PluginJars(ModuleLayer parent, ClassLoader parentLoader) {
        this.parent = parent;
        this.parentLoader = parentLoader;
    }

    /** What loading found: the plugins, and a warning for each jar (or provider) that was skipped. */
    record Loaded(List<InstalledPlugin> plugins, List<PluginWarning> warnings) {
    }

    /**
     * @param sources folders of jars (not searched recursively) and single jars, in order; a source that does
     *        not exist is a warning
     * @param parent the layer the plugin layers are children of
     */
    static Loaded load(List<Path> sources, ModuleLayer parent) {
        PluginJars jars = new PluginJars(parent, PluginJars.class.getClassLoader());
        jars.loadAll(jars.expand(sources));
        return new Loaded(List.copyOf(jars.plugins), List.copyOf(jars.warnings));
    }

    private List<Path> expand(List<Path> sources) {
        Set<Path> jars = new LinkedHashSet<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                Set<Path> inFolder = new TreeSet<>();
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(source, "*.jar")) {
                    for (Path entry : entries) {
                        if (Files.isRegularFile(entry)) {
                            inFolder.add(entry);
                        }
                    }
                } catch (IOException e) {
                    warnings.add(new PluginWarning(source, "cannot list the folder: " + e.getMessage()));
                }
                inFolder.forEach(jar -> jars.add(normalise(jar)));
            } else if (Files.isRegularFile(source)) {
                jars.add(normalise(source));
            } else {
                warnings.add(new PluginWarning(source, "no such folder or jar"));
            }
        }
        return List.copyOf(jars);
    }

    private static Path normalise(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private void loadAll(List<Path> jars) {
        Map<String, Path> moduleJars = new LinkedHashMap<>();
        List<String> roots = new ArrayList<>();
        for (Path jar : jars) {
            Optional<ModuleReference> found = describe(jar);
            if (found.isEmpty()) {
                continue;
            }
            ModuleDescriptor descriptor = found.get().descriptor();
            String name = descriptor.name();
            if (moduleJars.containsKey(name)) {
                warnings.add(new PluginWarning(jar, "holds module " + name + ", which " + moduleJars.get(name)
                        + " already holds (two versions of one plugin?); keep one of the jars"));
                continue;
            }
            if (parent.findModule(name).isPresent()) {
                warnings.add(new PluginWarning(jar, "holds module " + name + ", which is already loaded (built in)"));
                continue;
            }
            Optional<String> apiProblem = ApiCompatibility.problem(descriptor, manifest(jar));
            if (apiProblem.isPresent()) {
                warnings.add(new PluginWarning(jar, "refused: " + apiProblem.get()));
                continue;
            }
            moduleJars.put(name, jar);
            if (descriptor.provides().stream().anyMatch(p -> SPI_NAMES.contains(p.service()))) {
                roots.add(name);
            }
        }
        ModuleFinder all = ModuleFinder.of(moduleJars.values().toArray(Path[]::new));
        for (String root : roots) {
            Path jar = moduleJars.get(root);
            Optional<ModuleLayer> layer = define(root, jar, all);
            layer.ifPresent(l -> collect(l, root, jar));
        }
    }

    /** @return the jar's module, or empty after a warning saying why it is not a valid one */
    private Optional<ModuleReference> describe(Path jar) {
        try {
            Set<ModuleReference> refs = ModuleFinder.of(jar).findAll();
            if (refs.isEmpty()) {
                warnings.add(new PluginWarning(jar, "not a valid module: not a jar file"));
                return Optional.empty();
            }
            return Optional.of(refs.iterator().next());
        } catch (FindException e) {
            warnings.add(new PluginWarning(jar, "not a valid module: " + innermost(e)));
        } catch (RuntimeException e) {
            warnings.add(new PluginWarning(jar, "not a valid module: " + e));
        }
        return Optional.empty();
    }

    private static Manifest manifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Optional<ModuleLayer> define(String root, Path jar, ModuleFinder all) {
        try {
            Configuration cf = parent.configuration().resolve(all, ModuleFinder.of(), Set.of(root));
            return Optional.of(parent.defineModulesWithOneLoader(cf, parentLoader));
        } catch (ResolutionException e) {
            warnings.add(new PluginWarning(jar, "cannot be resolved: " + explain(e.getMessage())));
        } catch (FindException e) {
            warnings.add(new PluginWarning(jar, "cannot be resolved: " + innermost(e)));
        } catch (LayerInstantiationException e) {
            warnings.add(new PluginWarning(jar, "cannot be loaded: " + explain(e.getMessage())));
        } catch (RuntimeException e) {
            warnings.add(new PluginWarning(jar, "cannot be loaded: " + e));
        }
        return Optional.empty();
    }

    private String explain(String message) {
        String m = message == null ? "unknown reason" : message;
        if (m.contains("dev.plugnet.api") && parent.findModule("dev.plugnet.api").isEmpty()) {
            m += " (plugin folders work only when plugnet itself runs on the module path)";
        }
        return m;
    }

    private void collect(ModuleLayer layer, String root, Path jar) {
        Module module = layer.findModule(root).orElseThrow();
        String version = module.getDescriptor().rawVersion().orElse("");
        for (PluginKind kind : PluginKind.values()) {
            collect(layer, module, kind, version, jar);
        }
    }

    private <S extends PluginProvider> void collect(ModuleLayer layer, Module module, PluginKind kind,
                                                    String version, Path jar) {
        @SuppressWarnings("unchecked")
        Class<S> spi = (Class<S>) kind.spi();
        Iterator<ServiceLoader.Provider<S>> it = ServiceLoader.load(layer, spi).stream().iterator();
        for (int guard = 0; guard < 10_000; guard++) {
            ServiceLoader.Provider<S> candidate;
            try {
                if (!it.hasNext()) {
                    return;
                }
                candidate = it.next();
            } catch (ServiceConfigurationError e) {
                warnings.add(new PluginWarning(jar, "a " + kind.word() + " provider in " + jar,
                        "cannot be loaded: " + innermost(e)));
                continue;
            }
            if (candidate.type().getModule() != module) {
                continue; // built in, or a dependency's own provider (loaded from its own jar)
            }
            String what = kind.word() + " provider " + candidate.type().getName();
            try {
                S provider = candidate.get();
                String name = provider.name();
                if (!PluginNames.isValid(name)) {
                    warnings.add(new PluginWarning(jar, what + " in " + jar, "has an invalid name "
                            + PluginNames.shown(name) + ": expected " + PluginNames.RULE));
                    continue;
                }
                provider.description();
                if (provider.options().stream().anyMatch(java.util.Objects::isNull)) {
                    warnings.add(new PluginWarning(jar, what + " in " + jar, "declares a null option"));
                    continue;
                }
                plugins.add(new InstalledPlugin(kind, provider, module.getName(), version, jar.toString()));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                warnings.add(new PluginWarning(jar, what + " in " + jar, "failed while loading: " + innermost(e)));
            }
        }
    }

    /** @return the deepest cause's message, for a one-line reason */
    static String innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (t == e) {
            return message == null ? t.toString() : message;
        }
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static Set<String> spiNames() {
        Set<String> names = new LinkedHashSet<>();
        for (PluginKind kind : PluginKind.values()) {
            names.add(kind.spi().getName());
        }
        return names;
    }
}
