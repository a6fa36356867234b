package dev.plugnet.spark;

import java.util.Arrays;
import java.util.Locale;

/** How {@link PlugnetClassifier} trains across partitions. */
enum TrainingMode {
    /**
     * Every global minibatch: the weights are broadcast, each partition computes the gradient over its rows of
     * the batch, {@code treeAggregate} sums the shares and the driver applies one optimizer step; the same update
     * as on one machine, to rounding. One Spark job per minibatch.
     */
    SYNCHRONOUS("synchronous"),
    /**
     * Every round: the weights and optimizer state are broadcast, each partition trains local epochs on its own
     * rows, and the driver averages the results weighted by rows. One Spark job per round.
     */
    AVERAGING("averaging");

    private final String word;

    TrainingMode(String word) {
        this.word = word;
    }

    String word() {
        return word;
    }

    static TrainingMode of(String word) {
        for (TrainingMode m : values()) {
            if (m.word.equals(word.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new PlugnetSparkException("param trainingMode", "expected one of " + Arrays.stream(values())
                .map(TrainingMode::word).toList() + ", got \"" + word + "\"");
    }
}
