package dev.plugnet.core.checkpoint;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.MatrixProducts;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.ModelAssembler;
import dev.plugnet.core.network.ModelState;
import dev.plugnet.core.network.Network;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Restores a decoded checkpoint into a live model or network: checks that the plugins it names are installed
 * (naming those that are not: for prediction only the layers' and activations', for evaluation the loss's
 * too, the optimizer's only when training), assembles its config, checks that its
 * feature and class lists fit the network's inputs and outputs, and copies the weights (and the optimizer's
 * state) in through {@link ModelState}, which checks every matrix's name and shape.
 */
final class CheckpointRestorer {
    private CheckpointRestorer() {
    }

    static AssembledModel restore(Checkpoint checkpoint, ModelAssembler assembler, PluginRegistry registry,
                                  String source) {
        requireInstalled(checkpoint, registry, source, Need.TRAINING);
        AssembledModel model;
        try {
            model = assembler.assemble(checkpoint.config());
        } catch (ConfigException e) {
            throw new CheckpointException(source + " config." + e.location(), e.problem());
        }
        requireFit(checkpoint, model.network(), source);
        try {
            ModelState.of(checkpoint.weights(), checkpoint.optimizerState(), checkpoint.learningRate())
                    .restoreInto(model);
        } catch (ConfigException e) {
            throw new CheckpointException(source + " " + e.location(), e.problem());
        }
        return model;
    }

    /**
     * @param forPrediction whether only the forward path's plugins are needed (the loss's is then used when
     *        installed, and otherwise left out)
     */
    static Network restoreNetwork(Checkpoint checkpoint, ModelAssembler assembler, PluginRegistry registry,
                                  MatrixProducts compute, String source, boolean forPrediction) {
        requireInstalled(checkpoint, registry, source, forPrediction ? Need.FORWARD : Need.NETWORK);
        Network network;
        try {
            MatrixProducts products = compute == null ? assembler.products(checkpoint.config()) : compute;
            network = forPrediction ? assembler.forwardNetwork(checkpoint.config(), products)
                    : assembler.network(checkpoint.config(), products);
        } catch (ConfigException e) {
            throw new CheckpointException(source + " config." + e.location(), e.problem());
        }
        requireFit(checkpoint, network, source);
        try {
            ModelState.of(checkpoint.weights(), Map.of(), 0).restoreWeightsInto(network);
        } catch (ConfigException e) {
            throw new CheckpointException(source + " " + e.location(), e.problem());
        }
        return network;
    }

    /** The class list must name each output, and the feature list each input. */
    private static void requireFit(Checkpoint checkpoint, Network network, String source) {
        int classes = checkpoint.preprocessing().labelNames().size();
        if (classes != network.outputs()) {
            throw new CheckpointException(source + " preprocessing.labels", "expected one class name for each of"
                    + " the network's " + network.outputs() + " outputs, got " + classes);
        }
        int features = checkpoint.preprocessing().featureNames().size();
        if (features != network.inputs()) {
            throw new CheckpointException(source + " preprocessing.features", "expected one feature for each of"
                    + " the network's " + network.inputs() + " inputs, got " + features);
        }
    }

    /** What a use of a checkpoint needs installed (a shortcut never: the generic path computes the same). */
    enum Need {
        /** prediction: layers and activations */
        FORWARD(Set.of(PluginKind.LAYER, PluginKind.ACTIVATION)),
        /** evaluation and explanation: the forward path and the loss */
        NETWORK(Set.of(PluginKind.LAYER, PluginKind.ACTIVATION, PluginKind.LOSS)),
        /** training: the network and the optimizer */
        TRAINING(Set.of(PluginKind.LAYER, PluginKind.ACTIVATION, PluginKind.LOSS, PluginKind.OPTIMIZER));

        private final Set<PluginKind> kinds;

        Need(Set<PluginKind> kinds) {
            this.kinds = kinds;
        }
    }

    static void requireInstalled(Checkpoint checkpoint, PluginRegistry registry, String source, Need need) {
        requireInstalled(checkpoint, registry, source, need, null);
    }

    /** @param purpose what needs them, to lead the message ({@code "evaluate reports the loss"}), or {@code null} */
    static void requireInstalled(Checkpoint checkpoint, PluginRegistry registry, String source, Need need,
                                 String purpose) {
        List<String> missing = new ArrayList<>();
        for (PluginUse p : checkpoint.plugins()) {
            if (need.kinds.contains(p.kind()) && registry.find(p.kind(), p.name()).isEmpty()) {
                missing.add(p.describe());
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingPluginsException(source, purpose, missing);
        }
    }
}
