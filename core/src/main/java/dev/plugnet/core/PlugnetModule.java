package dev.plugnet.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.Compute;
import dev.plugnet.api.LayerProvider;
import dev.plugnet.api.LossProvider;
import dev.plugnet.api.OptimizerProvider;
import dev.plugnet.api.PluginProvider;
import dev.plugnet.api.ShortcutProvider;
import dev.plugnet.core.model.ModelLimits;
import dev.plugnet.core.model.ModelReader;
import dev.plugnet.core.model.ModelWriter;
import dev.plugnet.core.model.StrictJson;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;
import tools.jackson.databind.ObjectMapper;

/**
 * Binds what the {@link PluginRegistry} found: each kind of provider as a map from name to provider (a
 * shortcut set for shortcuts), the registry itself, and the strict JSON reader and writer.
 */
public final class PlugnetModule extends AbstractModule {
    private final PluginRegistry registry;
    private final ModelLimits limits;

    public PlugnetModule(PluginRegistry registry, ModelLimits limits) {
        this.registry = registry;
        this.limits = limits;
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        bind(ModelLimits.class).toInstance(limits);
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
     * The process's compute: one thread per processor, used by a product only above
     * {@link Compute#PARALLEL_THRESHOLD} multiply-adds (so small networks stay on the caller's thread);
     * workers start on the first such product.
     */
    @Provides
    @Singleton
    public Compute compute() {
        return Compute.allProcessors();
    }

    @Provides
    @Singleton
    public ObjectMapper objectMapper() {
        return StrictJson.mapper(limits);
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
