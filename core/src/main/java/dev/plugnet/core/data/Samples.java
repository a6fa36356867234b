package dev.plugnet.core.data;

import dev.plugnet.api.Matrix;

/**
 * Rows ready for the network: standardised features and class indices, with one-hot targets beside them.
 *
 * @param features (N, n_1), standardised
 * @param labels the class of each row
 * @param classes K, the number of classes (for a regression, the number of targets)
 * @param values for a regression, the standardised targets (N, K), which {@link #targets()} gives instead of
 *        one-hot rows; {@code null} for classes
 * @param targetScaling for a regression, the targets' means and scales that standardised {@code values} (a
 *        target is {@code z · scale + mean}), so figures can be given in the targets' own units; {@code null}
 *        for classes, or when the values are in their own units already
 */
public record Samples(Matrix features, int[] labels, int classes, Matrix values, Standardizer targetScaling) {
    public Samples {
        if (labels.length != features.rows()) {
            throw new IllegalArgumentException("one label per row");
        }
        if (values != null && !values.hasShape(features.rows(), classes)) {
            throw new IllegalArgumentException("one row of " + classes + " targets per row");
        }
    }

    /** Samples of classes. */
    public Samples(Matrix features, int[] labels, int classes) {
        this(features, labels, classes, null, null);
    }

    /** Samples of classes ({@code values} {@code null}) or of a regression's targets in their own units. */
    public Samples(Matrix features, int[] labels, int classes, Matrix values) {
        this(features, labels, classes, values, null);
    }

    /** @return the scale of target column {@code j} (1 without a {@link #targetScaling}) */
    public double targetScale(int j) {
        return targetScaling == null ? 1.0 : targetScaling.scales()[j];
    }

    /** @return whether these are regression rows (numeric targets, no classes) */
    public boolean regression() {
        return values != null;
    }

    /**
     * @return the samples of {@code rows} of {@code data}, standardised by {@code standardizer}
     * @throws DataException naming the data row and column of a value whose standardised form is not finite in
     *         double precision (a value far outside a column whose training rows barely vary)
     */
    public static Samples of(Dataset data, int[] rows, Standardizer standardizer) {
        return of(data, rows, standardizer, null);
    }

    /**
     * @param targetStandardizer for a regression, the targets' means and scales; {@code null} for classes
     * @return the samples of {@code rows} of {@code data}, features (and regression targets) standardised
     */
    public static Samples of(Dataset data, int[] rows, Standardizer standardizer, Standardizer targetStandardizer) {
        int width = data.featureNames().size();
        double[] x = new double[rows.length * width];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            standardizer.apply(data.features()[rows[i]], x, i * width);
            for (int j = 0; j < width; j++) {
                if (!Double.isFinite(x[i * width + j])) {
                    throw new DataException(data.source() + " row " + (rows[i] + 1) + ", column \""
                            + data.featureNames().get(j) + "\"", "the value " + data.features()[rows[i]][j]
                            + " cannot be standardised: (x - mean) / scale with mean " + standardizer.means()[j]
                            + " and scale " + standardizer.scales()[j] + " is beyond the range of a double;"
                            + " rescale this column");
                }
            }
            labels[i] = data.labelled() && !data.regression() ? data.labels()[rows[i]] : -1;
        }
        Matrix values = null;
        if (data.regression()) {
            int m = data.labelNames().size();
            double[] y = new double[rows.length * m];
            for (int i = 0; i < rows.length; i++) {
                targetStandardizer.apply(data.targets()[rows[i]], y, i * m);
            }
            values = Matrix.wrap(rows.length, m, y);
        }
        return new Samples(Matrix.wrap(rows.length, width, x), labels, data.labelNames().size(), values,
                data.regression() ? targetStandardizer : null);
    }

    /** @return every row of {@code data}, standardised */
    public static Samples all(Dataset data, Standardizer standardizer) {
        return of(data, java.util.stream.IntStream.range(0, data.size()).toArray(), standardizer);
    }

    /** @return every row of {@code data}, standardised with a model's preprocessing (targets too, for a regression) */
    public static Samples all(Dataset data, Preprocessing preprocessing) {
        return of(data, java.util.stream.IntStream.range(0, data.size()).toArray(), preprocessing.standardizer(),
                data.regression() ? preprocessing.targets() : null);
    }

    /** @return N, the number of rows */
    public int size() {
        return labels.length;
    }

    /** @return a new (N, K) matrix of one-hot rows (for a regression, a copy of the standardised targets) */
    public Matrix targets() {
        if (values != null) {
            return Matrix.wrap(values.rows(), values.cols(), values.data().clone());
        }
        Matrix t = Matrix.zeros(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            t.set(i, labels[i], 1.0);
        }
        return t;
    }
}
