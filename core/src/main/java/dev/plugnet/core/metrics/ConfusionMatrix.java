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

    /**
     * The unweighted mean F1 over the classes present in the truth or in the predictions, as scikit-learn's
     * {@code f1_score(average="macro")} computes it: a class the model knows but that neither occurs nor is
     * predicted in these rows is left out (it would otherwise count as an F1 of 0).
     *
     * @return the macro F1, NaN for no rows
     */
    public double macroF1() {
        List<ClassMetrics> classes = perClass();
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classes.size(); c++) {
            if (present(c)) {
                sum += classes.get(c).f1();
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    /**
     * The mean F1 over the classes weighted by their support (rows of that class), as scikit-learn's
     * {@code f1_score(average="weighted")}.
     *
     * @return the weighted F1, NaN for no rows
     */
    public double weightedF1() {
        int n = total();
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (ClassMetrics c : perClass()) {
            sum += c.f1() * c.support();
        }
        return sum / n;
    }

    /**
     * The mean recall over the classes that occur in the truth, as scikit-learn's
     * {@code balanced_accuracy_score}: a classifier that always predicts the majority class scores 1/K.
     *
     * @return the balanced accuracy, NaN for no rows
     */
    public double balancedAccuracy() {
        double sum = 0;
        int present = 0;
        for (ClassMetrics c : perClass()) {
            if (c.support() > 0) {
                sum += c.recall();
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    /** @return whether class {@code c} occurs in the truth or in the predictions */
    private boolean present(int c) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[c][i] > 0 || counts[i][c] > 0) {
                return true;
            }
        }
        return false;
    }
}
