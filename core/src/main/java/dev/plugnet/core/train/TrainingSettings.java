package dev.plugnet.core.train;

import dev.plugnet.core.model.Monitor;
import dev.plugnet.core.model.ScheduleSpec;
import dev.plugnet.core.model.TrainingSpec;

/**
 * How a {@link Trainer} trains.
 *
 * @param epochs how many epochs to run at most (more, when resuming)
 * @param batchSize B, rows per minibatch
 * @param patience epochs without an improvement of {@code monitor} before stopping and restoring the best
 *        epoch's weights; 0 turns early stopping off
 * @param schedule the learning-rate schedule, or {@code null} for a constant rate
 * @param seed the seed of the minibatch order
 * @param monitor a {@link Monitor}'s name: the validation loss (lower is better), accuracy (higher), MAE or RMSE
 *        (lower) or R² (higher)
 * @param minDelta the least change of {@code monitor} that counts as an improvement
 */
public record TrainingSettings(int epochs, int batchSize, int patience, ScheduleSpec schedule, long seed,
                               String monitor, double minDelta) {
    public TrainingSettings {
        if (epochs < 0 || batchSize < 1 || patience < 0 || !(minDelta >= 0)) {
            throw new IllegalArgumentException("epochs >= 0, batch size >= 1, patience >= 0, min delta >= 0");
        }
        if (!TrainingSpec.MONITORS.contains(monitor)) {
            throw new IllegalArgumentException("monitor: " + monitor);
        }
    }

    /** Settings that monitor the validation loss with no least improvement. */
    public TrainingSettings(int epochs, int batchSize, int patience, ScheduleSpec schedule, long seed) {
        this(epochs, batchSize, patience, schedule, seed, TrainingSpec.VALIDATION_LOSS, 0.0);
    }

    /** @return the settings of a model file's training section, for {@code epochs} epochs */
    public static TrainingSettings of(TrainingSpec spec, int epochs, long seed) {
        return new TrainingSettings(epochs, spec.batchSize(), spec.patience(), spec.schedule(), seed, spec.monitor(),
                spec.minDelta());
    }

    /** @return whether early stopping is on */
    public boolean earlyStopping() {
        return patience > 0;
    }

    /** @return the monitored quantity of an epoch, NaN where the epoch lacks it */
    double monitored(EpochStats e) {
        return switch (Monitor.of(monitor)) {
            case VALIDATION_LOSS -> e.validationLoss();
            case VALIDATION_ACCURACY -> e.validationAccuracy();
            case VALIDATION_MAE -> e.validationMae();
            case VALIDATION_RMSE -> e.validationRmse();
            case VALIDATION_R2 -> e.validationR2();
        };
    }

    /** @return whether {@code value} improves on {@code best} by more than {@code minDelta} */
    boolean improves(double value, double best) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return Monitor.of(monitor).lowerIsBetter() ? value < best - minDelta : value > best + minDelta;
    }
}
