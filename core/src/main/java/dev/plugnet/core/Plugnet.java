package dev.plugnet.core;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.plugnet.core.model.ModelLimits;
import dev.plugnet.core.model.ModelReader;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.model.ModelWriter;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.ModelAssembler;
import dev.plugnet.core.plugins.PluginRegistry;
import tools.jackson.databind.ObjectMapper;

import java.nio.file.Path;

/**
 * The entry point for programs that use plugnet: holds the injector built over a {@link PluginRegistry} and
 * gives the model reader, writer and assembler.
 *
 * <pre>{@code
 * Plugnet plugnet = Plugnet.boot();
 * AssembledModel model = plugnet.assemble(plugnet.reader().read(Path.of("model.json")));
 * }</pre>
 */
public final class Plugnet {
    private final Injector injector;

    private Plugnet(Injector injector) {
        this.injector = injector;
    }

    /** @return plugnet over the plugins of the boot layer and class path */
    public static Plugnet boot() {
        return with(PluginRegistry.discover());
    }

    /** @return plugnet over exactly the plugins of {@code registry}, with limits from system properties */
    public static Plugnet with(PluginRegistry registry) {
        return with(registry, ModelLimits.fromSystemProperties());
    }

    /** @return plugnet over exactly the plugins of {@code registry}, with the given resource limits */
    public static Plugnet with(PluginRegistry registry, ModelLimits limits) {
        GuiceReflection.prefer();
        return new Plugnet(Guice.createInjector(Stage.PRODUCTION, new PlugnetModule(registry, limits)));
    }

    /**
     * @param warnings where run-time warnings go (a compute backend that cannot start), one line each
     * @return plugnet over exactly the plugins of {@code registry}, with the given resource limits
     */
    public static Plugnet with(PluginRegistry registry, ModelLimits limits, java.util.function.Consumer<String> warnings) {
        return new Plugnet(Guice.createInjector(Stage.PRODUCTION, new PlugnetModule(registry, limits, warnings)));
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

    /** @return the strict JSON mapper shared by plugnet's readers and writers */
    public ObjectMapper json() {
        return injector.getInstance(ObjectMapper.class);
    }

    /** Reads and assembles a model file. */
    public AssembledModel load(Path modelFile) {
        return assemble(reader().read(modelFile));
    }

    /** Assembles a model through the injector's assembler. */
    public AssembledModel assemble(ModelSpec spec) {
        return assembler().assemble(spec);
    }
}
