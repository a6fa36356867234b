package dev.plugnet.core.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The epochs of a run so far, in order, and which one had the best validation loss.
 *
 * @param epochs every epoch trained, in order
 * @param bestEpoch the epoch whose weights the model holds after early stopping (the last epoch when there
 *        was no early stopping), 0 when no epoch ran
 * @param stoppedEarly whether early stopping ended the run
 */
public record History(List<EpochStats> epochs, int bestEpoch, boolean stoppedEarly) {
    /** The history of a run that has not started. */
    public static final History EMPTY = new History(List.of(), 0, false);

    public History {
        epochs = List.copyOf(epochs);
    }

    /** @return the number of epochs trained */
    public int size() {
        return epochs.size();
    }

    /** @return the last epoch, or {@code null} */
    public EpochStats last() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    /** @return this history with one more epoch */
    History plus(EpochStats stats, int best) {
        List<EpochStats> all = new ArrayList<>(epochs);
        all.add(stats);
        return new History(all, best, false);
    }

    /** @return this history marked as ended by early stopping, with the epoch restored */
    History stopped(int best, boolean early) {
        return new History(epochs, best, early);
    }
}
