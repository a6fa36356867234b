package dev.plugnet.app;

import dev.plugnet.api.Formulas;
import dev.plugnet.api.Options;
import dev.plugnet.api.PluginProvider;
import dev.plugnet.api.ShortcutContext;
import dev.plugnet.api.ShortcutProvider;
import dev.plugnet.core.model.ComponentSpec;
import dev.plugnet.core.model.LayerSpec;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;

import java.util.Map;
import java.util.function.Function;

/**
 * The formulas each step's plugin states for {@code explain}, for that step's options (class weights change
 * cross-entropy's); none for a plugin that states none or fails to.
 */
final class PluginFormulas {
    private final PluginRegistry registry;
    private final ModelSpec model;

    PluginFormulas(PluginRegistry registry, ModelSpec model) {
        this.registry = registry;
        this.model = model;
    }

    Formulas layer(int index) {
        LayerSpec layer = model.layers().get(index);
        return of(PluginKind.LAYER, layer.type(), layer.options(), "layers[" + index + "]");
    }

    Formulas activation(int index) {
        ComponentSpec activation = model.layers().get(index).activation();
        return activation == null ? Formulas.none()
                : of(PluginKind.ACTIVATION, activation.type(), activation.options(), "layers[" + index + "].activation");
    }

    Formulas loss() {
        return of(PluginKind.LOSS, model.loss().type(), model.loss().options(), "loss");
    }

    Formulas shortcut(String name, int outputs) {
        int last = model.layers().size() - 1;
        ComponentSpec activation = model.layers().get(last).activation();
        Options activationOptions = activation == null ? Options.empty("")
                : parsed(PluginKind.ACTIVATION, activation.type(), activation.options(), "activation");
        Options lossOptions = parsed(PluginKind.LOSS, model.loss().type(), model.loss().options(), "loss");
        return guarded(PluginKind.SHORTCUT, name, p -> activationOptions == null || lossOptions == null
                ? p.formulas() : ((ShortcutProvider) p).formulas(new ShortcutContext(activationOptions, lossOptions,
                outputs)));
    }

    private Formulas of(PluginKind kind, String name, Map<String, Object> raw, String path) {
        Options options = parsed(kind, name, raw, path);
        return guarded(kind, name, p -> options == null ? p.formulas() : p.formulas(options));
    }

    /** @return the options checked against the plugin's declared ones, or null if that fails */
    private Options parsed(PluginKind kind, String name, Map<String, Object> raw, String path) {
        return registry.find(kind, name).map(p -> {
            try {
                return Options.parse(p.provider().options(), raw, path);
            } catch (RuntimeException e) {
                return null;
            }
        }).orElse(null);
    }

    private Formulas guarded(PluginKind kind, String name, Function<PluginProvider, Formulas> get) {
        return registry.find(kind, name).map(p -> {
            try {
                Formulas f = get.apply(p.provider());
                return f == null ? Formulas.none() : f;
            } catch (RuntimeException e) {
                return Formulas.none(); // a plugin whose formulas throw is explained neutrally
            }
        }).orElse(Formulas.none());
    }
}
