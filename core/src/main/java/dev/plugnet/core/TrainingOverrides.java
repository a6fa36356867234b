package dev.plugnet.core;

import dev.plugnet.core.model.ClassWeightsSpec;
import dev.plugnet.core.model.ComponentSpec;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.model.TrainingSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings that replace the model's own {@code training} section, optimizer, seed or shortcut switch for one run
 * ({@code train}'s flags, {@link Fit}'s setters); {@code null} keeps the model's value. Giving another optimizer
 * drops the model's optimizer options (they belong to the old one); a learning rate is set on whichever
 * optimizer runs.
 *
 * @param epochs epochs to train
 * @param batchSize rows per minibatch
 * @param optimizer the optimizer plugin's name
 * @param learningRate the optimizer's η
 * @param seed the seed of the initial weights, the split and the shuffling
 * @param validationFraction share of rows for validation
 * @param testFraction share of rows held out for the test
 * @param patience early-stopping patience (0 turns it off)
 * @param label the label column
 * @param shortcuts whether a fused shortcut may run
 * @param classWeights how much each class counts in the loss
 * @param monitor what early stopping watches (a {@link dev.plugnet.core.model.Monitor}'s name)
 * @param minDelta the least change of the monitored quantity that counts as an improvement
 */
public record TrainingOverrides(Integer epochs, Integer batchSize, String optimizer, Double learningRate, Long seed,
                                Double validationFraction, Double testFraction, Integer patience, String label,
                                Boolean shortcuts, ClassWeightsSpec classWeights, String monitor, Double minDelta) {
    /** Overrides nothing. */
    public static final TrainingOverrides NONE = new TrainingOverrides(null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    /** Overrides that leave the monitored quantity and its least improvement as the model has them. */
    public TrainingOverrides(Integer epochs, Integer batchSize, String optimizer, Double learningRate, Long seed,
                             Double validationFraction, Double testFraction, Integer patience, String label,
                             Boolean shortcuts, ClassWeightsSpec classWeights) {
        this(epochs, batchSize, optimizer, learningRate, seed, validationFraction, testFraction, patience, label,
                shortcuts, classWeights, null, null);
    }

    /** @return {@code model} with these settings in place of its own */
    public ModelSpec applyTo(ModelSpec model) {
        TrainingSpec t = model.training();
        TrainingSpec training = t.withFractions(
                validationFraction != null ? validationFraction : t.validationFraction(),
                testFraction != null ? testFraction : t.testFraction()).with(epochs != null ? epochs : t.epochs(),
                batchSize != null ? batchSize : t.batchSize(), patience != null ? patience : t.patience(),
                label != null ? label : t.label());
        ModelSpec m = model.withTraining(training);
        // a learning rate for a model without an optimizer stays unused: training then asks for the optimizer
        if (optimizer != null || learningRate != null && m.optimizer() != null) {
            ComponentSpec o = m.optimizer();
            Map<String, Object> options = o != null && (optimizer == null || optimizer.equals(o.type()))
                    ? new LinkedHashMap<>(o.options()) : new LinkedHashMap<>();
            if (learningRate != null) {
                options.put("learning_rate", learningRate);
            }
            m = m.withOptimizer(new ComponentSpec(optimizer != null ? optimizer : o.type(), options));
        }
        if (seed != null) {
            m = m.withSeed(seed);
        }
        if (classWeights != null) {
            m = m.withTraining(m.training().withClassWeights(classWeights));
        }
        if (monitor != null || minDelta != null) {
            TrainingSpec mt = m.training();
            m = m.withTraining(mt.withMonitor(monitor != null ? monitor : mt.monitor(),
                    minDelta != null ? minDelta : mt.minDelta()));
        }
        if (shortcuts != null) {
            m = m.withShortcuts(shortcuts);
        }
        return m;
    }
}
