package dev.plugnet.core;

import dev.plugnet.core.train.EpochStats;
import dev.plugnet.core.train.History;
import dev.plugnet.core.train.TrainingListener;

import java.util.function.Consumer;

/**
 * {@code train --checkpoint-every N}: passes the progress on and saves a checkpoint after every N epochs of this
 * run (each save is atomic, so a run killed at any moment leaves the previous complete checkpoint or the new one).
 */
final class PeriodicCheckpoints implements TrainingListener {
    private final TrainingListener progress;
    private final int every;
    private final int before;
    private final Consumer<History> save;

    /**
     * @param every epochs between saves, positive
     * @param before epochs in the history before this run (a resumed run counts from its own first epoch)
     * @param save writes a checkpoint of the model as it is now, with this history
     */
    PeriodicCheckpoints(TrainingListener progress, int every, int before, Consumer<History> save) {
        this.progress = progress;
        this.every = every;
        this.before = before;
        this.save = save;
    }

    @Override
    public void started(int firstEpoch, int lastEpoch, int batches, int rows) {
        progress.started(firstEpoch, lastEpoch, batches, rows);
    }

    @Override
    public void batchDone(int epoch, int batch, double loss) {
        progress.batchDone(epoch, batch, loss);
    }

    @Override
    public void epochDone(EpochStats stats, boolean best) {
        progress.epochDone(stats, best);
    }

    @Override
    public void epochRecorded(History history) {
        progress.epochRecorded(history);
        if ((history.size() - before) % every == 0) {
            save.accept(history);
        }
    }
}
