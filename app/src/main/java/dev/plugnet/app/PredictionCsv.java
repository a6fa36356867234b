package dev.plugnet.app;

import dev.plugnet.api.Matrix;

import java.util.List;

/**
 * The CSV of class predictions that {@code predict} and {@code evaluate --misclassified} write: one line per
 * row, {@code row,predicted}, the true class when known ({@code actual}), then {@code p_CLASS} for every class.
 * Probabilities are written in Java's round-trip form ({@link Double#toString(double)}), so reading a cell back
 * gives exactly the {@code double} the network computed: no two different probabilities print alike, and no
 * small probability prints as 0.
 */
final class PredictionCsv {
    private PredictionCsv() {
    }

    /**
     * @param labels the class names, in output order
     * @param probabilities (N, K)
     * @param predicted the predicted class of each row
     * @param actual the true class of each row, or {@code null} (then no {@code actual} column)
     * @param rows which rows to write (indices into {@code probabilities}), or {@code null} for all
     * @return the CSV text, with a header line
     */
    static String of(List<String> labels, Matrix probabilities, int[] predicted, int[] actual, int[] rows) {
        StringBuilder csv = new StringBuilder("row,predicted");
        if (actual != null) {
            csv.append(",actual");
        }
        labels.forEach(l -> csv.append(',').append(CsvCells.cell("p_" + l)));
        csv.append('\n');
        int n = rows == null ? probabilities.rows() : rows.length;
        for (int r = 0; r < n; r++) {
            int i = rows == null ? r : rows[r];
            csv.append(i + 1).append(',').append(CsvCells.cell(labels.get(predicted[i])));
            if (actual != null) {
                csv.append(',').append(CsvCells.cell(labels.get(actual[i])));
            }
            for (int k = 0; k < probabilities.cols(); k++) {
                csv.append(',').append(Double.toString(probabilities.get(i, k)));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /**
     * @param targets the target columns
     * @param values the predictions (N, m), in the targets' own units
     * @return {@code row,predicted_TARGET…}, one line per row, values in round-trip form
     */
    static String values(List<String> targets, Matrix values) {
        StringBuilder csv = new StringBuilder("row");
        targets.forEach(t -> csv.append(',').append(CsvCells.cell("predicted_" + t)));
        csv.append('\n');
        for (int i = 0; i < values.rows(); i++) {
            csv.append(i + 1);
            for (int k = 0; k < values.cols(); k++) {
                csv.append(',').append(Double.toString(values.get(i, k)));
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
