package dev.plugnet.core.compute;

import dev.plugnet.api.ComputeBackend;
import dev.plugnet.api.ComputeContext;
import dev.plugnet.api.ComputeProvider;
import dev.plugnet.api.ConfigException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The installed compute backends and the choice among them: {@code auto} (the default) or a backend's name,
 * as given by {@code --compute NAME} or the model file's {@code "training": {"compute": NAME}}.
 *
 * <p>A backend that cannot start on this machine is one warning naming why, and {@code java} runs instead
 * (or, if no compute plugin is installed at all, the api's plain loops). {@code auto} opens every backend
 * that {@code auto} may pick ({@link ComputeProvider#autoFrom()}) and gives each product to the one declared
 * fastest for its size; one that fails to open is a warning and is left out.
 */
public final class ComputeBackends implements AutoCloseable {
    /** The name of the default choice. */
    public static final String AUTO = AutoBackend.NAME;
    /** The backend that always loads, the fallback of every other. */
    public static final String FALLBACK = "java";

    private final Map<String, ComputeProvider> providers;
    private final Consumer<String> warnings;
    private final String preferred;
    private final Map<String, ComputeBackend> shared = new HashMap<>();

    /**
     * @param providers the installed compute providers, by name
     * @param warnings where a backend that failed to start is reported, one line each
     */
    public ComputeBackends(Map<String, ComputeProvider> providers, Consumer<String> warnings) {
        this(providers, warnings, null);
    }

    /**
     * @param providers the installed compute providers, by name
     * @param warnings where a backend that failed to start is reported, one line each
     * @param preferred the run's choice ({@code --compute NAME}), which overrides every model file's; {@code null}
     *        for none
     * @throws ConfigException at {@code --compute} if {@code preferred} is not installed
     */
    public ComputeBackends(Map<String, ComputeProvider> providers, Consumer<String> warnings, String preferred) {
        this.providers = new TreeMap<>(providers);
        this.warnings = warnings;
        if (preferred != null) {
            requireKnown(preferred, "--compute");
        }
        this.preferred = preferred;
    }

    /**
     * The run's choice for a model: {@code --compute} if given, else the model file's {@code training.compute},
     * else {@code auto}. A model file that names a backend not installed here (a checkpoint from another
     * machine) gets one warning and {@code auto}.
     *
     * @param fromModel the model file's choice, or {@code null}
     * @return {@code auto} or an installed backend's name
     */
    public String choice(String fromModel) {
        if (preferred != null) {
            return preferred;
        }
        if (fromModel == null || AUTO.equals(fromModel)) {
            return AUTO;
        }
        if (!providers.containsKey(fromModel)) {
            warnings.accept("training.compute: no compute backend \"" + fromModel + "\" is installed here"
                    + "; running auto (" + String.join(", ", names()) + " are)");
            return AUTO;
        }
        return fromModel;
    }

    /** @return {@code auto} then the installed backends' names, in name order */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(AUTO);
        names.addAll(providers.keySet());
        return names;
    }

    /**
     * @throws ConfigException at {@code location} if {@code name} is neither {@code auto} nor an installed
     *         backend, listing the choices
     */
    public void requireKnown(String name, String location) {
        if (!AUTO.equals(name) && !providers.containsKey(name)) {
            throw new ConfigException(location, "no compute backend \"" + name + "\" is installed; choose one of: "
                    + String.join(", ", names()));
        }
    }

    /**
     * Opens a backend for one run; the caller closes it.
     *
     * @param name {@code auto} or an installed backend's name
     * @param threads the most threads one product may use
     * @throws ConfigException if {@code name} is not installed
     */
    public ComputeBackend open(String name, int threads) {
        requireKnown(name, "compute");
        ComputeContext context = new ComputeContext(threads);
        if (AUTO.equals(name)) {
            return auto(context);
        }
        ComputeBackend backend = tryOpen(providers.get(name), context, true);
        return backend != null ? backend : fallback(context);
    }

    /**
     * @return the process-wide backend of {@code name} with one thread per processor, opened on first use and
     *         closed by {@link #close()}
     */
    public synchronized ComputeBackend shared(String name) {
        requireKnown(name, "compute");
        return shared.computeIfAbsent(name, n -> open(n, Runtime.getRuntime().availableProcessors()));
    }

    private ComputeBackend auto(ComputeContext context) {
        List<ComputeProvider> candidates = providers.values().stream()
                .filter(p -> p.autoFrom() != Long.MAX_VALUE)
                .sorted(Comparator.comparingLong(ComputeProvider::autoFrom)).toList();
        List<AutoBackend.Tier> tiers = new ArrayList<>();
        for (ComputeProvider p : candidates) {
            if (tiers.isEmpty() && p.autoFrom() != 0) {
                tiers.add(new AutoBackend.Tier(0, fallback(context)));
            }
            ComputeBackend backend = tryOpen(p, context, !FALLBACK.equals(p.name()));
            if (backend != null) {
                tiers.add(new AutoBackend.Tier(tiers.isEmpty() ? 0 : p.autoFrom(), backend));
            }
        }
        if (tiers.isEmpty()) {
            tiers.add(new AutoBackend.Tier(0, fallback(context)));
        }
        return new AutoBackend(tiers);
    }

    private ComputeBackend fallback(ComputeContext context) {
        ComputeProvider java = providers.get(FALLBACK);
        ComputeBackend backend = java == null ? null : tryOpen(java, context, true);
        return backend != null ? backend : new PlainBackend();
    }

    /** @return the opened backend, or {@code null} after one warning saying why it cannot run */
    private ComputeBackend tryOpen(ComputeProvider provider, ComputeContext context, boolean namesFallback) {
        try {
            return provider.open(context);
        } catch (RuntimeException | LinkageError e) {
            String reason = e instanceof dev.plugnet.api.PlugnetException p ? p.problem()
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            warnings.accept("compute backend \"" + provider.name() + "\" cannot run here (" + reason + ")"
                    + (namesFallback ? "; products run on " + (providers.containsKey(FALLBACK) ? FALLBACK
                    : PlainBackend.NAME) + " instead" : ""));
            return null;
        }
    }

    /** Closes the shared backends. */
    @Override
    public synchronized void close() {
        shared.values().forEach(ComputeBackend::close);
        shared.clear();
    }
}
