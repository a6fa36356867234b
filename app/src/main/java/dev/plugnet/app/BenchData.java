package dev.plugnet.app;

import dev.plugnet.core.data.CsvTableReader;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.data.DatasetReader;
import dev.plugnet.core.data.Standardizer;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The in-memory rows {@code bench} trains on: flat row-major features and integer classes — the bundled
 * thyroid set through the app's own CSV and dataset code, or seeded Gaussian rows for the other workloads.
 *
 * @param features n rows of d values, row-major
 * @param labels n class indices in {@code [0, classes)}
 * @param rows n
 * @param width d
 * @param classes K
 */
record BenchData(double[] features, int[] labels, int rows, int width, int classes) {
    /**
     * @return the bundled new-thyroid set (215 rows, 5 features, 3 classes), read by the same CSV and dataset
     *         code as {@code train}, z-scored over all rows
     */
    static BenchData thyroid() {
        Dataset data = new DatasetReader().forTraining(BundledExample.THYROID.data(new CsvTableReader()), null);
        int n = data.size();
        int width = data.featureNames().size();
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        Standardizer z = Standardizer.fit(data.features(), all, width);
        double[] x = new double[n * width];
        for (int i = 0; i < n; i++) {
            z.apply(data.features()[i], x, i * width);
        }
        return new BenchData(x, data.labels().clone(), n, width, data.labelNames().size());
    }

    /** @return {@code n} rows of {@code d} standard-normal values with uniform random classes, from {@code seed} */
    static BenchData synthetic(int n, int d, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = random.nextGaussian();
            }
            y[i] = random.nextInt(classes);
        }
        return new BenchData(x, y, n, d, classes);
    }
}
