package dev.plugnet.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, stratified split: each class is shuffled with the seed and divided in the given fractions (rounded
 * per class, at least one training row per class), so every split keeps the classes' proportions. The same
 * labels and seed always give the same split.
 */
public final class StratifiedSplitter {
    private final double validationFraction;
    private final double testFraction;

    /**
     * @param validationFraction share of each class for validation, in [0, 1)
     * @param testFraction share of each class for the held-out test, in [0, 1)
     */
    public StratifiedSplitter(double validationFraction, double testFraction) {
        if (!(validationFraction >= 0 && testFraction >= 0 && validationFraction + testFraction < 1)) {
            throw new IllegalArgumentException("fractions must be >= 0 and leave rows to train on");
        }
        this.validationFraction = validationFraction;
        this.testFraction = testFraction;
    }

    /**
     * @param labels the class of each row
     * @param classes the number of classes
     * @param seed the shuffle's seed
     */
    public Split split(int[] labels, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5851F42D4C957F2DL);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            int[] rows = rowsOf(labels, c);
            shuffle(rows, random);
            int n = rows.length;
            int nTest = (int) Math.round(n * testFraction);
            int nValidation = (int) Math.round(n * validationFraction);
            while (n > 0 && nTest + nValidation >= n) { // keep one row of the class to train on
                if (nValidation > 0) {
                    nValidation--;
                } else {
                    nTest--;
                }
            }
            for (int i = 0; i < n; i++) {
                (i < nTest ? test : i < nTest + nValidation ? validation : train).add(rows[i]);
            }
        }
        return new Split(sorted(train), sorted(validation), sorted(test));
    }

    private static int[] rowsOf(int[] labels, int c) {
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
    }

    /** Fisher–Yates shuffle of {@code a} in place. */
    static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static int[] sorted(List<Integer> rows) {
        int[] a = rows.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
