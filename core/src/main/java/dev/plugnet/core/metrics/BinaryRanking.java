package dev.plugnet.core.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How well a score ranks the positive class of a two-class problem above the negative one, at every
 * threshold at once: the area under the ROC curve and the area under the precision–recall curve (as average
 * precision). Equal scores are one threshold, as in scikit-learn's {@code roc_auc_score} and
 * {@code average_precision_score}, whose values these are.
 *
 * @param rocAuc the probability that a random positive row scores above a random negative one (ties count
 *        one half); NaN when the rows hold only one of the two classes
 * @param averagePrecision {@code Σ_n (R_n − R_{n−1}) P_n} over the distinct thresholds in decreasing order,
 *        the step-wise area under the precision–recall curve; NaN without positive rows
 */
public record BinaryRanking(double rocAuc, double averagePrecision) {

    /**
     * @param positive whether each row is of the positive class
     * @param score each row's score for the positive class (its probability), higher meaning more positive
     */
    public static BinaryRanking of(boolean[] positive, double[] score) {
        if (positive.length != score.length) {
            throw new IllegalArgumentException("one score per row");
        }
        Integer[] order = IntStream.range(0, score.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
        long positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        long negatives = positive.length - positives;

        double auc = 0; // Mann–Whitney: for each negative, the positives above it (ties one half)
        double ap = 0;
        long truePositives = 0;
        long falsePositives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            long tiedPositives = 0;
            long tiedNegatives = 0;
            while (j < order.length && score[order[j]] == score[order[i]]) {
                if (positive[order[j]]) {
                    tiedPositives++;
                } else {
                    tiedNegatives++;
                }
                j++;
            }
            auc += tiedNegatives * (truePositives + tiedPositives / 2.0);
            truePositives += tiedPositives;
            falsePositives += tiedNegatives;
            if (tiedPositives > 0 && positives > 0) {
                double precision = (double) truePositives / (truePositives + falsePositives);
                ap += precision * tiedPositives / positives;
            }
            i = j;
        }
        double rocAuc = positives == 0 || negatives == 0 ? Double.NaN : auc / ((double) positives * negatives);
        return new BinaryRanking(rocAuc, positives == 0 ? Double.NaN : ap);
    }
}
