package dev.plugnet.core.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The epochs of a run so far, in order, and which one had the best validation loss.
 *
 * <p>A run of up to {@value #MAX_ENTRIES} epochs keeps every epoch. A longer one keeps a bounded, evenly spaced
 * record, so that a checkpoint (which carries the history) costs the same to write after a million epochs as
 * after a thousand: the epochs {@code 1, 1 + s, 1 + 2s, …} for the smallest power of two {@code s} (the
 * stride) that leaves at most {@value #MAX_ENTRIES} of them, and always the best epoch (the one whose weights
 * are kept) and the last. Which epochs are kept depends only on the number of epochs trained and the best one,
 * so a run resumed from a checkpoint keeps the same epochs as one that never stopped. Every epoch's figures
 * can be written as they happen to a history file ({@link HistoryLog}) instead.
 *
 * @param epochs the epochs kept, in order of epoch, the last one trained last
 * @param bestEpoch the epoch whose weights the model holds after early stopping (the last epoch when there
 *        was no early stopping), 0 when no epoch ran
 * @param stoppedEarly whether early stopping ended the run
 */
public record History(List<EpochStats> epochs, int bestEpoch, boolean stoppedEarly) {
    /** The history of a run that has not started. */
    public static final History EMPTY = new History(List.of(), 0, false);

    /** The most evenly spaced epochs a history keeps, besides the best and the last. */
    public static final int MAX_ENTRIES = 1000;

    public History {
        epochs = List.copyOf(epochs);
    }

    /** @return the number of epochs trained: the last epoch's number (0 when none ran) */
    public int size() {
        return epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).epoch();
    }

    /** @return the last epoch, or {@code null} */
    public EpochStats last() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    /** @return the kept epoch numbered {@code epoch}, or {@code null} if it was not kept */
    public EpochStats epoch(int epoch) {
        for (EpochStats e : epochs) {
            if (e.epoch() == epoch) {
                return e;
            }
        }
        return null;
    }

    /**
     * @param trained the number of epochs trained
     * @return the spacing of the evenly spaced epochs kept: the smallest power of two that leaves at most
     *         {@link #MAX_ENTRIES} of {@code 1, 1 + s, …} up to {@code trained}
     */
    public static long stride(long trained) {
        long s = 1;
        while ((trained - 1) / s + 1 > MAX_ENTRIES) {
            s *= 2;
        }
        return s;
    }

    /** @return whether a history of {@code trained} epochs whose best is {@code best} keeps {@code epoch} */
    public static boolean keeps(long epoch, long trained, long best) {
        return epoch == trained || epoch == best || (epoch - 1) % stride(trained) == 0;
    }

    /** @return this history with one more epoch, thinned as the class says */
    History plus(EpochStats stats, int best) {
        List<EpochStats> all = new ArrayList<>(Math.min(epochs.size() + 1, MAX_ENTRIES + 3));
        for (EpochStats e : epochs) {
            if (keeps(e.epoch(), stats.epoch(), best)) {
                all.add(e);
            }
        }
        all.add(stats);
        return new History(all, best, false);
    }

    /** @return this history marked as ended by early stopping, with the epoch restored */
    History stopped(int best, boolean early) {
        return new History(epochs, best, early);
    }
}
