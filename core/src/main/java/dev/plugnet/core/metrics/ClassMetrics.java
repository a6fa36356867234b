package dev.plugnet.core.metrics;

/**
 * How well one class is recognised.
 *
 * @param label the class name
 * @param precision of the rows predicted as this class, the share that are (0 when none are predicted)
 * @param recall of the rows of this class, the share predicted as it (0 when there are none)
 * @param f1 the harmonic mean of precision and recall (0 when both are 0)
 * @param support how many rows are of this class
 */
public record ClassMetrics(String label, double precision, double recall, double f1, int support) {
}
