package dev.plugnet.spark;

import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * Which rows of a partition are held out for validation: either one seeded draw per row, in the partition's
 * order, so every pass over the same partitioning holds out the same rows; or a boolean column that says so
 * for each row ({@code validationIndicatorCol}, as Spark's gradient-boosted trees name it), so that another
 * program can be given exactly the same training rows.
 */
final class RowSplit {
    private final SplittableRandom random;
    private final double fraction;
    private final int indicator;
    private final String column;

    private RowSplit(SplittableRandom random, double fraction, int indicator, String column) {
        this.random = random;
        this.fraction = fraction;
        this.indicator = indicator;
        this.column = column;
    }

    /** A partition's split, made on the executor from what travels with the task. */
    interface Plan extends Serializable {
        RowSplit partition(int partition);
    }

    /** @return a seeded draw holding out {@code fraction} of the rows */
    static Plan drawn(long seed, double fraction) {
        return p -> new RowSplit(new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ (0xD1B54A32D192ED03L * (p + 1))),
                fraction, -1, null);
    }

    /** @return the split that the boolean column {@code column}, at {@code index} in the rows, gives */
    static Plan indicated(int index, String column) {
        return p -> new RowSplit(null, 0, index, column);
    }

    /**
     * @param row the partition's next row (rows are asked about in order, each once)
     * @return whether {@code row} is a validation row
     */
    boolean validation(Row row, Object rowName) {
        if (indicator >= 0) {
            Object value = row.get(indicator);
            if (value instanceof Boolean b) {
                return b;
            }
            throw new PlugnetSparkException("column \"" + column + "\", " + rowName, "expected true (a validation"
                    + " row) or false (a training row), got " + (value == null ? "null" : value));
        }
        return fraction > 0 && random.nextDouble() < fraction;
    }
}
