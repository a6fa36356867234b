package dev.plugnet.spark;

import java.util.SplittableRandom;

/**
 * Which rows of a partition are held out for validation: one seeded draw per row, in the partition's order, so
 * every pass over the same partitioning holds out the same rows.
 */
final class RowSplit {
    private final SplittableRandom random;
    private final double fraction;

    RowSplit(long seed, int partition, double fraction) {
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ (0xD1B54A32D192ED03L * (partition + 1)));
        this.fraction = fraction;
    }

    /** @return whether the next row is a validation row */
    boolean validation() {
        return fraction > 0 && random.nextDouble() < fraction;
    }
}
