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
 * @param labels the class index of each row, or {@code null} for unlabelled data
 */
public record Dataset(String source, List<String> featureNames, String labelColumn, List<String> labelNames,
                      double[][] features, int[] labels) {
    public Dataset {
        Objects.requireNonNull(source, "source");
        featureNames = List.copyOf(featureNames);
        labelNames = List.copyOf(labelNames);
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
        int[] counts = new int[labelNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
