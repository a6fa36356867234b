package dev.plugnet.core.model;

/**
 * The model file's {@code training} section: how the app trains the network. Every field has a default, and
 * command-line flags override them.
 *
 * @param epochs passes over the training split
 * @param batchSize B, rows per minibatch
 * @param validationFraction share of the rows held out for validation (early stopping, per-epoch report)
 * @param testFraction share of the rows held out for the final report
 * @param patience epochs without a better validation loss before stopping early; 0 turns early stopping off
 * @param schedule the learning-rate schedule, or {@code null} for a constant rate
 * @param label the CSV column that holds the class, or {@code null} for the last column
 */
public record TrainingSpec(int epochs, int batchSize, double validationFraction, double testFraction, int patience,
                           ScheduleSpec schedule, String label) {
    /** The defaults used where the model file says nothing. */
    public static final TrainingSpec DEFAULTS = new TrainingSpec(200, 16, 0.15, 0.2, 0, null, null);
}
