package dev.plugnet.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A model as written in its JSON file (see README.md, "The model format"). Reading a file and writing it back
 * gives an equal record.
 *
 * @param format the file format version ({@link dev.plugnet.api.ApiVersion#MODEL_FORMAT})
 * @param name a name for listings and reports
 * @param description what the model is, or {@code null}
 * @param inputs n_1, the width of an input row, or {@link #AUTO} ({@code "auto"} or absent in the file) for the
 *        width of the data, resolved by {@link InferredWidths} before the model is assembled
 * @param layers the layers in order, at least one
 * @param loss the loss
 * @param optimizer the optimizer, or {@code null} when the file names none: such a model predicts, evaluates,
 *        explains and checks gradients, but training it needs one (the assembler says so at {@code optimizer})
 * @param shortcuts whether a fused backward may replace the tail's generic steps (default true)
 * @param seed the seed of the initial parameters and of everything random in training
 * @param training how to train, with defaults for everything not given
 */
public record ModelSpec(int format, String name, String description, int inputs, List<LayerSpec> layers, ComponentSpec loss,
                        ComponentSpec optimizer, boolean shortcuts, long seed, TrainingSpec training) {
    /** {@code inputs} (and the last layer's {@code units}) not given: they come from the data. */
    public static final int AUTO = 0;
    /** How the file says {@link #AUTO}. */
    public static final String AUTO_NAME = "auto";

    public ModelSpec {
        Objects.requireNonNull(name, "name");
        layers = List.copyOf(layers);
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(training, "training");
    }

    /** @return this model with shortcuts switched on or off */
    public ModelSpec withShortcuts(boolean on) {
        return new ModelSpec(format, name, description, inputs, layers, loss, optimizer, on, seed, training);
    }

    /** @return this model with another training section */
    public ModelSpec withTraining(TrainingSpec newTraining) {
        return new ModelSpec(format, name, description, inputs, layers, loss, optimizer,
                shortcuts, seed, newTraining);
    }

    /** @return this model with another optimizer */
    public ModelSpec withOptimizer(ComponentSpec newOptimizer) {
        return new ModelSpec(format, name, description, inputs, layers, loss, newOptimizer, shortcuts, seed, training);
    }

    /** @return this model with another seed */
    public ModelSpec withSeed(long newSeed) {
        return new ModelSpec(format, name, description, inputs, layers, loss, optimizer, shortcuts, newSeed, training);
    }

    /** @return this model with another loss */
    public ModelSpec withLoss(ComponentSpec newLoss) {
        return new ModelSpec(format, name, description, inputs, layers, newLoss, optimizer, shortcuts, seed, training);
    }

    /** @return this model with another input width */
    public ModelSpec withInputs(int newInputs) {
        return new ModelSpec(format, name, description, newInputs, layers, loss, optimizer, shortcuts, seed, training);
    }

    /** @return this model with other layers */
    public ModelSpec withLayers(List<LayerSpec> newLayers) {
        return new ModelSpec(format, name, description, inputs, newLayers, loss, optimizer, shortcuts, seed, training);
    }
}
