package dev.plugnet.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One distributed pass over the data, merged with {@code treeAggregate}: per feature the count, mean and sum of
 * squared deviations of the training rows (Chan et al.'s pairwise update, stable in one pass), every label seen
 * (training and validation rows), and each partition's count of training rows (which gives every training row
 * its global index).
 */
final class FeatureStatistics implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int width;
    private long count;
    private long validationCount;
    private final double[] mean;
    private final double[] squares;
    private final TreeSet<String> labels = new TreeSet<>();
    private final TreeMap<Integer, Long> trainingRows = new TreeMap<>();

    FeatureStatistics(int width) {
        this.width = width;
        this.mean = new double[width];
        this.squares = new double[width];
    }

    /** Adds one training row (Welford's update). */
    void addTraining(double[] row) {
        count++;
        for (int j = 0; j < width; j++) {
            double d = row[j] - mean[j];
            mean[j] += d / count;
            squares[j] += d * (row[j] - mean[j]);
        }
    }

    void addValidation() {
        validationCount++;
    }

    long validationCount() {
        return validationCount;
    }

    void addLabel(String label) {
        labels.add(label);
    }

    void partition(int index, long trainingCount) {
        trainingRows.merge(index, trainingCount, Long::sum);
    }

    /** @return {@code a} with {@code b} merged in */
    static FeatureStatistics merge(FeatureStatistics a, FeatureStatistics b) {
        if (b.count > 0) {
            if (a.count == 0) {
                System.arraycopy(b.mean, 0, a.mean, 0, a.width);
                System.arraycopy(b.squares, 0, a.squares, 0, a.width);
            } else {
                double n = a.count + b.count;
                for (int j = 0; j < a.width; j++) {
                    double d = b.mean[j] - a.mean[j];
                    a.mean[j] += d * b.count / n;
                    a.squares[j] += b.squares[j] + d * d * ((double) a.count * b.count / n);
                }
            }
            a.count += b.count;
        }
        a.validationCount += b.validationCount;
        a.labels.addAll(b.labels);
        b.trainingRows.forEach((k, v) -> a.trainingRows.merge(k, v, Long::sum));
        return a;
    }

    long count() {
        return count;
    }

    double[] means() {
        return mean.clone();
    }

    /** @return each feature's population standard deviation, 1 for a feature that is constant */
    double[] scales() {
        double[] s = new double[width];
        for (int j = 0; j < width; j++) {
            double sd = count == 0 ? 0 : Math.sqrt(squares[j] / count);
            s[j] = sd > 0 && Double.isFinite(sd) ? sd : 1.0;
        }
        return s;
    }

    TreeSet<String> labels() {
        return labels;
    }

    /** @return the global index of partition {@code p}'s first training row, for every partition up to {@code n} */
    long[] offsets(int partitions) {
        long[] start = new long[partitions + 1];
        for (int p = 0; p < partitions; p++) {
            start[p + 1] = start[p] + trainingRows.getOrDefault(p, 0L);
        }
        return start;
    }

    @Override
    public String toString() {
        return "FeatureStatistics[count=" + count + ", mean=" + Arrays.toString(mean) + "]";
    }
}
