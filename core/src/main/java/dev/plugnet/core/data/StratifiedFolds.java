package dev.plugnet.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * K seeded, stratified folds for cross-validation: each class's rows are shuffled with the seed and dealt to the
 * folds in turn, so every fold holds each class in about the same share (scikit-learn's
 * {@code StratifiedKFold(shuffle=True)} does the same; a regression's rows are one stratum).
 */
public final class StratifiedFolds {
    private StratifiedFolds() {
    }

    /**
     * @param labels the class of every row (one value for a regression)
     * @param classes how many classes
     * @param k the number of folds, at least 2 and at most the number of rows
     * @param seed the shuffle's seed
     * @return for each fold, its rows in ascending order; together they hold every row once
     */
    public static List<int[]> of(int[] labels, int classes, int k, long seed) {
        if (k < 2 || k > labels.length) {
            throw new IllegalArgumentException("2 <= k <= rows");
        }
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        SplittableRandom random = new SplittableRandom(seed);
        int next = 0;
        for (int c = 0; c < classes; c++) {
            final int cls = c;
            int[] rows = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == cls).toArray();
            StratifiedSplitter.shuffle(rows, random);
            for (int row : rows) {
                folds.get(next).add(row);
                next = (next + 1) % k;
            }
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> fold : folds) {
            int[] a = fold.stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(a);
            out.add(a);
        }
        return out;
    }

    /** @return the rows of {@code data} at {@code rows}, as a data set of their own (same columns and classes) */
    public static Dataset subset(Dataset data, int[] rows, String source) {
        double[][] x = new double[rows.length][];
        int[] labels = data.labels() == null ? null : new int[rows.length];
        double[][] y = data.targets() == null ? null : new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            x[i] = data.features()[rows[i]];
            if (labels != null) {
                labels[i] = data.labels()[rows[i]];
            }
            if (y != null) {
                y[i] = data.targets()[rows[i]];
            }
        }
        return new Dataset(source, data.featureNames(), data.labelColumn(), data.labelNames(), x, labels, y);
    }
}
