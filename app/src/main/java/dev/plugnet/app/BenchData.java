package dev.plugnet.app;

import dev.plugnet.api.PlugnetException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The in-memory rows {@code bench} trains on: flat row-major features and integer classes. Kept small and
 * separate on purpose — it reads the bundled thyroid CSV with a plain z-score (as ../shared/peers does) and
 * makes seeded Gaussian rows for the other workloads; the app's real CSV data sets can replace
 * {@link #thyroid()} without touching the bench loop.
 *
 * @param features n rows of d values, row-major
 * @param labels n class indices in {@code [0, classes)}
 * @param rows n
 * @param width d
 * @param classes K
 */
record BenchData(double[] features, int[] labels, int rows, int width, int classes) {
    /** @return the bundled new-thyroid set: 215 rows, 5 standardised features, 3 classes (last column) */
    static BenchData thyroid() {
        String resource = "examples/new-thyroid.csv";
        try (InputStream in = BenchData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PlugnetException(resource, "the bundled data set is missing from the app");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int width = reader.readLine().split(",").length - 1;
            List<double[]> rows = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                double[] row = new double[width];
                for (int j = 0; j < width; j++) {
                    row[j] = Double.parseDouble(cells[j].trim());
                }
                rows.add(row);
                names.add(cells[width].trim());
            }
            TreeMap<String, Integer> classes = new TreeMap<>();
            names.forEach(n -> classes.put(n, 0));
            int next = 0;
            for (var e : classes.entrySet()) {
                e.setValue(next++);
            }
            int n = rows.size();
            double[] x = new double[n * width];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(rows.get(i), 0, x, i * width, width);
                y[i] = classes.get(names.get(i));
            }
            standardise(x, n, width);
            return new BenchData(x, y, n, width, classes.size());
        } catch (IOException | RuntimeException e) {
            if (e instanceof PlugnetException p) {
                throw p;
            }
            throw new PlugnetException(resource, "cannot read the bundled data set: " + e.getMessage());
        }
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

    /** z-scores every column with the population standard deviation; a constant column becomes 0. */
    private static void standardise(double[] x, int n, int d) {
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * d + j];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double v = x[i * d + j] - mean;
                var += v * v;
            }
            double sd = Math.sqrt(var / n);
            double scale = sd == 0 ? 1 : sd;
            for (int i = 0; i < n; i++) {
                x[i * d + j] = (x[i * d + j] - mean) / scale;
            }
        }
    }
}
