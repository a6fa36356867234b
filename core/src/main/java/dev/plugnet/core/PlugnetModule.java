package dev.plugnet.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.ComputeProvider;
import dev.plugnet.api.LayerProvider;
import dev.plugnet.api.LossProvider;
import dev.plugnet.api.OptimizerProvider;
import dev.plugnet.api.PluginProvider;
import dev.plugnet.api.ShortcutProvider;
import dev.plugnet.core.compute.ComputeBackends;
import dev.plugnet.core.json.StrictJson;
import dev.plugnet.core.model.ModelLimits;
import dev.plugnet.core.model.ModelReader;
import dev.plugnet.core.model.ModelWriter;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;
import tools.jackson.databind.ObjectMapper;

import java.util.function.Consumer;

/**
 * Binds what the {@link PluginRegistry} found: each kind of provider as a map from name to provider (a
 * shortcut set for shortcuts), the registry itself, and the strict JSON reader and writer.
 */
public final class PlugnetModule extends AbstractModule {
    private final PluginRegistry registry;
    private final ModelLimits limits;
    private final Consumer<String> warnings;
    private final String compute;

    public PlugnetModule(PluginRegistry registry, ModelLimits limits) {
        this(registry, limits, ComputeWarnings.STANDARD_ERROR, null);
    }

    /** @param warnings where a warning at run time goes (a compute backend that cannot start), one line each */
    public PlugnetModule(PluginRegistry registry, ModelLimits limits, Consumer<String> warnings) {
        this(registry, limits, warnings, null);
    }

    /**
     * @param warnings where a warning at run time goes (a compute backend that cannot start), one line each
     * @param compute the compute backend every model runs on ({@code --compute}), or {@code null} for each model
     *        file's choice (default {@code auto})
     */
    public PlugnetModule(PluginRegistry registry, ModelLimits limits, Consumer<String> warnings, String compute) {
        this.registry = registry;
        this.limits = limits;
        this.warnings = warnings;
        this.compute = compute;
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        bind(ModelLimits.class).toInstance(limits);
        bind(RunWarnings.class).toInstance(new RunWarnings(warnings));
        bindAll(PluginKind.LAYER, LayerProvider.class);
        bindAll(PluginKind.ACTIVATION, ActivationProvider.class);
        bindAll(PluginKind.LOSS, LossProvider.class);
        bindAll(PluginKind.OPTIMIZER, OptimizerProvider.class);
        Multibinder<ShortcutProvider> shortcuts = Multibinder.newSetBinder(binder(), ShortcutProvider.class);
        registry.providers(PluginKind.SHORTCUT, ShortcutProvider.class)
                .values().forEach(p -> shortcuts.addBinding().toInstance(p));
    }

    private <P extends PluginProvider> void bindAll(PluginKind kind, Class<P> type) {
        MapBinder<String, P> map = MapBinder.newMapBinder(binder(), String.class, type);
        registry.providers(kind, type).forEach((name, provider) -> map.addBinding(name).toInstance(provider));
    }

    /**
     * The installed compute backends; each is started on first use (the default {@code auto} with one thread
     * per processor), and a backend that cannot start is one warning.
     */
    @Provides
    @Singleton
    public ComputeBackends computeBackends() {
        return new ComputeBackends(registry.providers(PluginKind.COMPUTE, ComputeProvider.class), warnings, compute);
    }

    @Provides
    @Singleton
    public ObjectMapper objectMapper() {
        return StrictJson.mapper(limits.maxNestingDepth());
    }

    @Provides
    @Singleton
    public ModelReader modelReader(ObjectMapper mapper) {
        return new ModelReader(mapper, limits);
    }

    @Provides
    @Singleton
    public ModelWriter modelWriter(ObjectMapper mapper) {
        return new ModelWriter(mapper);
    }
}
