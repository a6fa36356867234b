package dev.plugnet.core;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.plugnet.api.ComputeBackend;
import dev.plugnet.core.compute.ComputeBackends;
import dev.plugnet.api.ConfigException;
import dev.plugnet.api.PluginProvider;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.checkpoint.CheckpointException;
import dev.plugnet.core.checkpoint.CheckpointReader;
import dev.plugnet.core.checkpoint.CheckpointWriter;
import dev.plugnet.core.model.ModelLimits;
import dev.plugnet.core.model.ModelReader;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.model.ModelWriter;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.ModelAssembler;
import dev.plugnet.core.network.Network;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;
import tools.jackson.databind.ObjectMapper;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The entry point for programs that use plugnet: the installed plugins, wired by Guice, and everything a program
 * does with them — read a model spec, train it on rows in memory ({@link #fit}), load a trained model
 * ({@link #load(Path)}, {@link #load(InputStream)}, {@link #fromJson(String)}) — plus the parts the command-line
 * app is built from (reader, writer, assembler, checkpoint reader and writer). It is thread-safe.
 *
 * <pre>{@code
 * Plugnet plugnet = Plugnet.boot();                          // the plugins on the module or class path
 * ModelSpec spec = plugnet.readSpec(Path.of("model.json"));
 * TrainedModel model = plugnet.fit(spec).epochs(200).on(featureNames, x, y);
 * model.save(out);                                           // a checkpoint, checksum included
 * TrainedModel again = plugnet.load(in);                     // for inference: no optimizer needed
 * }</pre>
 *
 * {@link #builder()} adds plugin folders, providers registered in code, resource limits and a compute thread
 * count. A plugnet built with its own thread count owns those threads: {@link #close()} stops them.
 */
public final class Plugnet implements AutoCloseable {
    private final Injector injector;
    private final ComputeBackend ownCompute;

    private Plugnet(Injector injector, int threads) {
        this.injector = injector;
        this.ownCompute = threads == 0 ? null : computeBackends().open(computeBackends().choice(null), threads);
    }

    /** @return plugnet over the plugins of the boot layer and class path */
    public static Plugnet boot() {
        return with(PluginRegistry.discover());
    }

    /** @return a builder: plugin folders, providers registered in code, limits, compute threads */
    public static Builder builder() {
        return new Builder();
    }

    /** @return plugnet over exactly the plugins of {@code registry}, with limits from system properties */
    public static Plugnet with(PluginRegistry registry) {
        return with(registry, ModelLimits.fromSystemProperties());
    }

    /** @return plugnet over exactly the plugins of {@code registry}, with the given resource limits */
    public static Plugnet with(PluginRegistry registry, ModelLimits limits) {
        GuiceReflection.prefer();
        return new Plugnet(Guice.createInjector(Stage.PRODUCTION, new PlugnetModule(registry, limits)), 0);
    }

    /**
     * @param warnings where run-time warnings go (a compute backend that cannot start), one line each
     * @return plugnet over exactly the plugins of {@code registry}, with the given resource limits
     */
    public static Plugnet with(PluginRegistry registry, ModelLimits limits, java.util.function.Consumer<String> warnings) {
        return with(registry, limits, warnings, null);
    }

    /**
     * @param warnings where run-time warnings go (a compute backend that cannot start), one line each
     * @param compute the compute backend every model runs on ({@code auto} or a backend's name), or {@code null}
     *        for each model file's {@code training.compute}
     * @return plugnet over exactly the plugins of {@code registry}, with the given resource limits
     * @throws ConfigException at {@code --compute} if {@code compute} is not installed
     */
    public static Plugnet with(PluginRegistry registry, ModelLimits limits,
                               java.util.function.Consumer<String> warnings, String compute) {
        requireInstalled(registry, warnings, compute);
        GuiceReflection.prefer();
        return new Plugnet(Guice.createInjector(Stage.PRODUCTION,
                new PlugnetModule(registry, limits, warnings, compute)), 0);
    }

    /** Checks a compute choice before any work: one message listing the installed backends. */
    private static void requireInstalled(PluginRegistry registry, java.util.function.Consumer<String> warnings,
                                         String compute) {
        if (compute != null) {
            new ComputeBackends(registry.providers(dev.plugnet.core.plugins.PluginKind.COMPUTE,
                    dev.plugnet.api.ComputeProvider.class), warnings, compute);
        }
    }

    /** @return the installed compute backends, to open one by name ({@code auto}, {@code java}, …) */
    public dev.plugnet.core.compute.ComputeBackends computeBackends() {
        return injector.getInstance(dev.plugnet.core.compute.ComputeBackends.class);
    }

    public PluginRegistry registry() {
        return injector.getInstance(PluginRegistry.class);
    }

    public ModelReader reader() {
        return injector.getInstance(ModelReader.class);
    }

    public ModelWriter writer() {
        return injector.getInstance(ModelWriter.class);
    }

    public ModelAssembler assembler() {
        return injector.getInstance(ModelAssembler.class);
    }

    /**
     * @return the compute backend this plugnet was built with ({@link Builder#computeThreads}), or {@code null}
     *         for the process-wide one of each model's compute choice
     */
    public ComputeBackend products() {
        return ownCompute;
    }

    /** @return the strict JSON mapper shared by plugnet's readers and writers */
    public ObjectMapper json() {
        return injector.getInstance(ObjectMapper.class);
    }

    /** @return the reader of checkpoint files, streams and text */
    public CheckpointReader checkpointReader() {
        return new CheckpointReader(json(), reader());
    }

    /** @return the writer of checkpoints */
    public CheckpointWriter checkpointWriter() {
        return new CheckpointWriter(json(), writer());
    }

    /**
     * Reads a model file (the model format of README.md).
     *
     * @throws ConfigException naming the file and the JSON path of the first problem
     */
    public ModelSpec readSpec(Path file) {
        return reader().read(file);
    }

    /**
     * Reads a model from JSON text.
     *
     * @throws ConfigException naming the JSON path of the first problem
     */
    public ModelSpec parseSpec(String json) {
        return reader().read(json);
    }

    /** Reads and assembles a model file. */
    public AssembledModel assemble(Path modelFile) {
        return assemble(reader().read(modelFile));
    }

    /** Assembles a model through the injector's assembler. */
    public AssembledModel assemble(ModelSpec spec) {
        return assembler().assemble(spec);
    }

    /**
     * Starts training {@code spec} on rows in memory: set what differs from the spec's {@code training} section,
     * then call {@link Fit#on}.
     */
    public Fit fit(ModelSpec spec) {
        return new Fit(this, spec);
    }

    /**
     * Loads a trained model from a checkpoint file, for inference: the layers' and activations' plugins must be
     * installed; the loss's need be only to evaluate (its {@code evaluate} reports the loss), the optimizer's need
     * not be, and no optimizer state is made.
     *
     * @throws CheckpointException naming the file and where, if it is not a usable checkpoint (the checksum
     *         included) or needs plugins that are not installed
     */
    public TrainedModel load(Path file) {
        return load(file, warning -> System.getLogger("dev.plugnet").log(System.Logger.Level.WARNING, warning));
    }

    /**
     * Loads a trained model from a checkpoint file, as {@link #load(Path)} does, telling {@code warnings} of what
     * is loaded but cannot be vouched for (a format-1 checkpoint, which has no checksum).
     */
    public TrainedModel load(Path file, java.util.function.Consumer<String> warnings) {
        return restore(checkpointReader().forInference().open(file).checkpoint(warnings), file.toString());
    }

    /**
     * Loads a trained model from a stream holding a checkpoint (read to its end, not closed), as
     * {@link #load(Path)} does.
     *
     * @throws CheckpointException if the stream fails or does not hold a usable checkpoint
     */
    public TrainedModel load(InputStream in) {
        Objects.requireNonNull(in, "in");
        return restore(checkpointReader().forInference().read(in, "input stream"), "input stream");
    }

    /**
     * Loads a trained model from a checkpoint's JSON text ({@link TrainedModel#toJson()}), as {@link #load(Path)}
     * does.
     *
     * @throws CheckpointException if the text is not a usable checkpoint
     */
    public TrainedModel fromJson(String checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        return restore(checkpointReader().forInference().readText(checkpoint, "checkpoint text"), "checkpoint text");
    }

    /**
     * Makes a trained model of a checkpoint read for training (with its optimizer state), so that saving it keeps
     * everything a resumed run needs.
     *
     * @param source names the checkpoint in messages
     * @throws CheckpointException if it needs plugins that are not installed or its weights do not fit
     */
    public TrainedModel restore(Checkpoint checkpoint, String source) {
        warnAboutPluginVersions(checkpoint, source);
        Network network = checkpointReader().restoreForPrediction(checkpoint, assembler(), registry(), products(),
                source);
        return new TrainedModel(this, checkpoint, network, source);
    }

    /**
     * Warns (through this plugnet's warnings) about each plugin of {@code checkpoint} whose installed version
     * differs from the one it was written with, naming both versions.
     *
     * @param source names the checkpoint in the warning
     */
    public void warnAboutPluginVersions(Checkpoint checkpoint, String source) {
        RunWarnings warnings = injector.getInstance(RunWarnings.class);
        CheckpointReader.versionChanges(checkpoint, registry(), source).forEach(warnings::warn);
    }

    /**
     * Stops the compute backend this plugnet was built with ({@link Builder#computeThreads}), if any; a booted
     * plugnet has none of its own (the process-wide backends' threads are daemons).
     */
    @Override
    public void close() {
        if (ownCompute != null) {
            ownCompute.close();
        }
    }

    /**
     * Builds a {@link Plugnet}: the plugins of the boot layer and class path, plus those of plugin folders and
     * provider instances registered in code; resource limits; the threads the matrix products may use.
     *
     * <pre>{@code
     * try (Plugnet plugnet = Plugnet.builder()
     *         .pluginFolder(Path.of("plugins"))          // jars, each in its own module layer
     *         .register(new MyLayerProvider())           // from the application's own class path
     *         .computeThreads(2)
     *         .build()) { … }
     * }</pre>
     */
    public static final class Builder {
        private final List<Path> folders = new ArrayList<>();
        private final List<PluginProvider> providers = new ArrayList<>();
        private ModelLimits limits;
        private int threads;
        private String compute;

        private Builder() {
        }

        /** Adds a folder of plugin jars (or one jar); repeatable, searched in order. */
        public Builder pluginFolder(Path folder) {
            folders.add(Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /**
         * Registers a provider instance — a {@code LayerProvider}, {@code ActivationProvider}, {@code LossProvider},
         * {@code OptimizerProvider} or {@code ShortcutProvider} — as if it had been discovered.
         */
        public Builder register(PluginProvider provider) {
            Objects.requireNonNull(provider, "provider");
            boolean known = false;
            for (PluginKind kind : PluginKind.values()) {
                known |= kind.spi().isInstance(provider);
            }
            if (!known) {
                throw new ConfigException("register", provider.getClass().getName() + " implements no plugnet"
                        + " provider interface (LayerProvider, ActivationProvider, LossProvider, OptimizerProvider,"
                        + " ShortcutProvider)");
            }
            providers.add(provider);
            return this;
        }

        /** Resource limits on models (default: {@link ModelLimits#fromSystemProperties()}). */
        public Builder limits(ModelLimits value) {
            limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /**
         * The threads one large matrix product may use, on the {@code auto} compute backend (default: one per
         * processor, shared by the process). Results are bit-identical for a given thread count and seed.
         */
        public Builder computeThreads(int n) {
            if (n < 1) {
                throw new ConfigException("computeThreads", "must be at least 1, got " + n);
            }
            threads = n;
            return this;
        }

        /**
         * The compute backend every model runs on: {@code auto} (each product on the fastest backend for its
         * size), {@code java}, {@code openblas} or another installed one (default: each model's
         * {@code training.compute}, else {@code auto}). A backend that cannot start is one warning on standard
         * error, and {@code java} runs.
         */
        public Builder compute(String name) {
            compute = Objects.requireNonNull(name, "compute");
            return this;
        }

        /**
         * @throws ConfigException if a plugin folder does not exist or two plugins of one kind share a name,
         *         or if {@link #compute} names a backend that is not installed;
         *         jars that cannot be used are skipped, each with a warning in {@link PluginRegistry#warnings()}
         */
        public Plugnet build() {
            for (Path folder : folders) {
                if (!Files.exists(folder)) {
                    throw new ConfigException("plugin folder", "no such folder or jar: " + folder);
                }
            }
            PluginRegistry registry = PluginRegistry.discover(folders, providers);
            ModelLimits chosen = limits != null ? limits : ModelLimits.fromSystemProperties();
            requireInstalled(registry, ComputeWarnings.STANDARD_ERROR, compute);
            GuiceReflection.prefer();
            return new Plugnet(Guice.createInjector(Stage.PRODUCTION,
                    new PlugnetModule(registry, chosen, ComputeWarnings.STANDARD_ERROR, compute)), threads);
        }
    }
}
