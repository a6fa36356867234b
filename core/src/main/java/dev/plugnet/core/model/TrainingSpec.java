package dev.plugnet.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The model file's {@code training} section: how the app and the library train the network. Every field has a
 * default, and command-line flags override them.
 *
 * @param epochs passes over the training split (the most; early stopping may end the run sooner)
 * @param batchSize B, rows per minibatch
 * @param validationFraction share of the rows held out for validation (early stopping, per-epoch report)
 * @param testFraction share of the rows held out for the final report
 * @param patience epochs without an improvement of the monitored quantity before stopping early and restoring
 *        the best epoch's weights; 0 turns early stopping off (default {@value #DEFAULT_PATIENCE})
 * @param schedule the learning-rate schedule, or {@code null} for a constant rate
 * @param label the CSV column that holds the class (or the target), or {@code null} for the last column
 * @param monitor what early stopping watches ({@link Monitor}): {@code validation_loss} (lower is better, the
 *        default, any model); {@code validation_accuracy} (higher is better) for a classifier;
 *        {@code validation_mae}, {@code validation_rmse} (lower is better) or {@code validation_r2} (higher is
 *        better) for a regression
 * @param minDelta the least change of the monitored quantity that counts as an improvement (default 0)
 * @param classes the class names in the order of the network's outputs, or {@code null} for the label
 *        column's values sorted (numbers numerically, other names by Unicode code point)
 * @param positiveClass the positive class of a two-class problem (ROC-AUC, PR-AUC), or {@code null} for the
 *        second class in class order
 * @param classWeights how much each class counts in a {@code cross_entropy} loss, or {@code null} for equally
 * @param compute the compute backend the matrix products run on ({@code auto}, {@code java}, {@code openblas},
 *        …), or {@code null} for {@code auto}; {@code --compute} overrides it
 * @param features the feature columns to use, by name, or {@code null} for every column but the label's
 * @param ignore columns to leave out (an id column, a leak), by name; empty for none
 */
public record TrainingSpec(int epochs, int batchSize, double validationFraction, double testFraction, int patience,
                           ScheduleSpec schedule, String label, String monitor, double minDelta, List<String> classes,
                           String positiveClass, ClassWeightsSpec classWeights, String compute, List<String> features,
                           List<String> ignore) {
    /** Epochs without improvement before early stopping, when the model file does not say. */
    public static final int DEFAULT_PATIENCE = 20;
    /** Early stopping's quantity: the validation loss, lower is better. */
    public static final String VALIDATION_LOSS = "validation_loss";
    /** Early stopping's quantity: the validation accuracy, higher is better. */
    public static final String VALIDATION_ACCURACY = "validation_accuracy";
    /** Every value {@code monitor} may take ({@link Monitor#keys()}). */
    public static final List<String> MONITORS = Monitor.keys();
    /** The largest share of the rows that validation, or the test, may hold out. */
    public static final double MAX_FRACTION = 0.9;
    /** Validation and test together hold out less than this share, so rows remain to train on. */
    public static final double MAX_HELD_OUT = 0.95;

    /** The defaults used where the model file says nothing. */
    public static final TrainingSpec DEFAULTS = new TrainingSpec(200, 16, 0.15, 0.2, DEFAULT_PATIENCE, null, null,
            VALIDATION_LOSS, 0.0, null, null, null, null, null, List.of());

    public TrainingSpec {
        Objects.requireNonNull(monitor, "monitor");
        if (!MONITORS.contains(monitor)) {
            throw new IllegalArgumentException("monitor: " + monitor);
        }
        classes = classes == null ? null : List.copyOf(classes);
        features = features == null ? null : List.copyOf(features);
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
    }

    /** @return whether early stopping is on (a positive patience) */
    public boolean earlyStopping() {
        return patience > 0;
    }

    /** @return this section with other split fractions */
    public TrainingSpec withFractions(double validation, double test) {
        return new TrainingSpec(epochs, batchSize, validation, test, patience, schedule, label, monitor, minDelta,
                classes, positiveClass, classWeights, compute, features, ignore);
    }

    /** @return this section with other epochs, batch size, patience and label (flags of {@code train}) */
    public TrainingSpec with(int newEpochs, int newBatchSize, int newPatience, String newLabel) {
        return new TrainingSpec(newEpochs, newBatchSize, validationFraction, testFraction, newPatience, schedule,
                newLabel, monitor, minDelta, classes, positiveClass, classWeights, compute, features, ignore);
    }

    /** @return this section with another monitored quantity and least improvement */
    public TrainingSpec withMonitor(String newMonitor, double newMinDelta) {
        return new TrainingSpec(epochs, batchSize, validationFraction, testFraction, patience, schedule, label,
                newMonitor, newMinDelta, classes, positiveClass, classWeights, compute, features, ignore);
    }

    /** @return this section with other class weights ({@code null}: equal) */
    public TrainingSpec withClassWeights(ClassWeightsSpec newClassWeights) {
        return new TrainingSpec(epochs, batchSize, validationFraction, testFraction, patience, schedule, label,
                monitor, minDelta, classes, positiveClass, newClassWeights, compute, features, ignore);
    }

    /** @return this section with another compute choice ({@code null}: {@code auto}) */
    public TrainingSpec withCompute(String newCompute) {
        return new TrainingSpec(epochs, batchSize, validationFraction, testFraction, patience, schedule, label,
                monitor, minDelta, classes, positiveClass, classWeights, newCompute, features, ignore);
    }

    /** @return this section with another choice of columns ({@code features} {@code null}: all but the label's) */
    public TrainingSpec withColumns(List<String> newFeatures, List<String> newIgnore) {
        return new TrainingSpec(epochs, batchSize, validationFraction, testFraction, patience, schedule, label,
                monitor, minDelta, classes, positiveClass, classWeights, compute, newFeatures, newIgnore);
    }
}
