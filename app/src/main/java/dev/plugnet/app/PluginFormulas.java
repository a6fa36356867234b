package dev.plugnet.app;

import dev.plugnet.api.Formulas;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;

/** The formulas each installed plugin states for {@code explain}, by kind and name; none for an unknown one. */
final class PluginFormulas {
    private final PluginRegistry registry;

    PluginFormulas(PluginRegistry registry) {
        this.registry = registry;
    }

    Formulas layer(String name) {
        return of(PluginKind.LAYER, name);
    }

    Formulas activation(String name) {
        return of(PluginKind.ACTIVATION, name);
    }

    Formulas loss(String name) {
        return of(PluginKind.LOSS, name);
    }

    Formulas shortcut(String name) {
        return of(PluginKind.SHORTCUT, name);
    }

    private Formulas of(PluginKind kind, String name) {
        return registry.find(kind, name).map(p -> {
            try {
                Formulas f = p.provider().formulas();
                return f == null ? Formulas.none() : f;
            } catch (RuntimeException e) {
                return Formulas.none(); // a plugin whose formulas() throws is explained neutrally
            }
        }).orElse(Formulas.none());
    }
}
