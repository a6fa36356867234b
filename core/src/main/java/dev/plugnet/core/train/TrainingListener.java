package dev.plugnet.core.train;

/**
 * Hears a {@link Trainer}'s progress, for progress bars and logs. Every method has a do-nothing default.
 */
public interface TrainingListener {
    /**
     * Training is about to start.
     *
     * @param firstEpoch the first epoch to run (above 1 when a run is resumed)
     * @param lastEpoch the last epoch that may run
     * @param batches minibatches per epoch
     * @param rows training rows per epoch
     */
    default void started(int firstEpoch, int lastEpoch, int batches, int rows) {
    }

    /** A minibatch of {@code epoch} is done; {@code loss} is its loss before the update. */
    default void batchDone(int epoch, int batch, double loss) {
    }

    /**
     * An epoch is done.
     *
     * @param stats its figures
     * @param best whether its validation loss is the best so far
     */
    default void epochDone(EpochStats stats, boolean best) {
    }

    /**
     * An epoch is in the history and the model holds that epoch's weights and optimizer state: the moment to
     * save a periodic checkpoint (for example {@code train --checkpoint-every N}).
     *
     * @param history every epoch so far, this one last
     */
    default void epochRecorded(History history) {
    }

    /** A listener that hears nothing. */
    TrainingListener NONE = new TrainingListener() {
    };
}
