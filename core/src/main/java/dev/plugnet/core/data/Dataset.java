package dev.plugnet.core.data;

import java.util.List;
import java.util.Objects;

/**
 * A labelled or unlabelled table of numeric features, as read from a CSV file, before any preprocessing.
 *
 * @param source the file it came from, for messages
 * @param featureNames the feature columns, in the order of {@code features}' columns
 * @param labelColumn the label column's name, or {@code null} for unlabelled data
 * @param labelNames the class names; class {@code i} is {@code labelNames.get(i)}; empty for unlabelled data
 * @param features one row per sample, every value finite
 * @param labels the class index of each row, or {@code null} for unlabelled data; for a regression every row is
 *        class 0 (one stratum for the split)
 * @param targets for a regression, the target values of each row (one per target column, named by
 *        {@code labelNames}), every value finite; {@code null} for classes
 */
public record Dataset(String source, List<String> featureNames, String labelColumn, List<String> labelNames,
                      double[][] features, int[] labels, double[][] targets) {
    public Dataset {
        Objects.requireNonNull(source, "source");
        featureNames = List.copyOf(featureNames);
        labelNames = List.copyOf(labelNames);
    }

    /** A data set of classes (or unlabelled), no regression targets. */
    public Dataset(String source, List<String> featureNames, String labelColumn, List<String> labelNames,
                   double[][] features, int[] labels) {
        this(source, featureNames, labelColumn, labelNames, features, labels, null);
    }

    /** @return whether the rows carry numeric regression targets */
    public boolean regression() {
        return targets != null;
    }

    /** @return the number of rows */
    public int size() {
        return features.length;
    }

    /** @return whether the rows carry labels */
    public boolean labelled() {
        return labels != null;
    }

    /** @return how many rows each class has */
    public int[] classCounts() {
        int[] counts = new int[regression() ? 1 : labelNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
