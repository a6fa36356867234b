package dev.plugnet.core.checkpoint;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.data.Preprocessing;
import dev.plugnet.core.model.LayerSpec;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.ModelState;
import dev.plugnet.core.plugins.InstalledPlugin;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;
import dev.plugnet.core.train.History;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to evaluate, predict with, explain or resume a trained model, as one JSON file.
 *
 * @param config the model (the model file's format, with the training settings that ran)
 * @param plugins the plugins the model uses, with their modules and versions
 * @param data where the training data came from, as it was named on the command line (for resuming)
 * @param preprocessing feature names, standardisation and class names
 * @param weights every parameter's values by path ({@code layers[0].W}), in the network's order
 * @param learningRate the optimizer's η when the checkpoint was taken
 * @param optimizerState the optimizer's state matrices by entry name, in its order (empty for a stateless
 *        optimizer); a file written before entries had names gives them positions as names ({@code "0"}, …)
 * @param history the epochs trained
 */
public record Checkpoint(ModelSpec config, List<PluginUse> plugins, String data, Preprocessing preprocessing,
                         Map<String, Matrix> weights, double learningRate, Map<String, Matrix> optimizerState,
                         History history) {
    /**
     * The checkpoint format this plugnet writes and the newest it reads: 2 carries a checksum; 1 (without one)
     * is still read.
     */
    public static final int FORMAT = 2;

    public Checkpoint {
        Objects.requireNonNull(config, "config");
        plugins = List.copyOf(plugins);
        Objects.requireNonNull(preprocessing, "preprocessing");
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        optimizerState = Collections.unmodifiableMap(new LinkedHashMap<>(optimizerState));
        Objects.requireNonNull(history, "history");
    }

    /**
     * Takes a checkpoint of a model as it is now: its config, a copy of its weights and optimizer state, and
     * the plugins it uses as {@code registry} has them.
     *
     * @param data the training data as named on the command line, or {@code null}
     */
    public static Checkpoint capture(AssembledModel model, PluginRegistry registry, String data,
                                     Preprocessing preprocessing, History history) {
        ModelState state = ModelState.of(model);
        return new Checkpoint(model.spec(), pluginsOf(model, registry), data, preprocessing, state.weights(),
                state.learningRate(), state.optimizerState(), history);
    }

    /** @return this checkpoint with another config (for example with shortcuts switched off), everything else kept */
    public Checkpoint withConfig(ModelSpec newConfig) {
        return new Checkpoint(newConfig, plugins, data, preprocessing, weights, learningRate, optimizerState, history);
    }

    /** @return the plugins {@code model} uses, each once, in the order the model names them */
    static List<PluginUse> pluginsOf(AssembledModel model, PluginRegistry registry) {
        Set<String> seen = new LinkedHashSet<>();
        List<PluginUse> out = new ArrayList<>();
        ModelSpec spec = model.spec();
        for (LayerSpec layer : spec.layers()) {
            add(out, seen, registry, PluginKind.LAYER, layer.type());
            if (layer.activation() != null) {
                add(out, seen, registry, PluginKind.ACTIVATION, layer.activation().type());
            }
        }
        add(out, seen, registry, PluginKind.LOSS, spec.loss().type());
        if (spec.optimizer() != null) {
            add(out, seen, registry, PluginKind.OPTIMIZER, spec.optimizer().type());
        }
        if (model.network().usesShortcut()) {
            add(out, seen, registry, PluginKind.SHORTCUT, model.network().shortcutName());
        }
        return out;
    }

    private static void add(List<PluginUse> out, Set<String> seen, PluginRegistry registry, PluginKind kind,
                            String name) {
        if (seen.add(kind + "/" + name)) {
            InstalledPlugin p = registry.find(kind, name).orElse(null);
            out.add(new PluginUse(kind, name, p == null ? "unknown" : p.module(), p == null ? "" : p.version()));
        }
    }
}
