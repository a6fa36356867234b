package dev.plugnet.core.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of (actual class, predicted class) pairs, with accuracy and per-class precision, recall and F1.
 * Row {@code i} is the actual class {@code i}, column {@code j} the predicted class {@code j}.
 */
public final class ConfusionMatrix {
    private final List<String> labels;
    private final int[][] counts;

    private ConfusionMatrix(List<String> labels, int[][] counts) {
        this.labels = List.copyOf(labels);
        this.counts = counts;
    }

    /**
     * @param labels the class names
     * @param actual the true class of each row
     * @param predicted the predicted class of each row
     */
    public static ConfusionMatrix of(List<String> labels, int[] actual, int[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("one prediction per row");
        }
        int k = labels.size();
        int[][] counts = new int[k][k];
        for (int i = 0; i < actual.length; i++) {
            counts[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(labels, counts);
    }

    public List<String> labels() {
        return labels;
    }

    /** @return the number of rows of actual class {@code actual} predicted as {@code predicted} */
    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** @return the counts as a fresh array, rows actual, columns predicted */
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** @return the number of rows */
    public int total() {
        int n = 0;
        for (int[] row : counts) {
            for (int c : row) {
                n += c;
            }
        }
        return n;
    }

    /** @return the share of rows predicted correctly, NaN for no rows */
    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        int n = total();
        return n == 0 ? Double.NaN : (double) correct / n;
    }

    /** @return precision, recall, F1 and support of each class, in class order */
    public List<ClassMetrics> perClass() {
        List<ClassMetrics> out = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            int tp = counts[c][c];
            int predicted = 0;
            int actual = 0;
            for (int i = 0; i < counts.length; i++) {
                predicted += counts[i][c];
                actual += counts[c][i];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            out.add(new ClassMetrics(labels.get(c), precision, recall, f1, actual));
        }
        return out;
    }

    /** @return the unweighted mean F1 over the classes */
    public double macroF1() {
        return perClass().stream().mapToDouble(ClassMetrics::f1).average().orElse(Double.NaN);
    }
}
