package dev.plugnet.core.train;

import dev.plugnet.core.model.ScheduleSpec;

/**
 * How a {@link Trainer} trains.
 *
 * @param epochs how many epochs to run (more, when resuming)
 * @param batchSize B, rows per minibatch
 * @param patience epochs without a better validation loss before stopping and restoring the best weights;
 *        0 turns early stopping off
 * @param schedule the learning-rate schedule, or {@code null} for a constant rate
 * @param seed the seed of the minibatch order
 */
public record TrainingSettings(int epochs, int batchSize, int patience, ScheduleSpec schedule, long seed) {
    public TrainingSettings {
        if (epochs < 0 || batchSize < 1 || patience < 0) {
            throw new IllegalArgumentException("epochs >= 0, batch size >= 1, patience >= 0");
        }
    }
}
