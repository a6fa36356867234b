package dev.plugnet.core.data;

import dev.plugnet.api.Matrix;

/**
 * Rows ready for the network: standardised features and class indices, with one-hot targets beside them.
 *
 * @param features (N, n_1), standardised
 * @param labels the class of each row
 * @param classes K, the number of classes
 */
public record Samples(Matrix features, int[] labels, int classes) {
    public Samples {
        if (labels.length != features.rows()) {
            throw new IllegalArgumentException("one label per row");
        }
    }

    /**
     * @return the samples of {@code rows} of {@code data}, standardised by {@code standardizer}
     * @throws DataException naming the data row and column of a value whose standardised form is not finite in
     *         double precision (a value far outside a column whose training rows barely vary)
     */
    public static Samples of(Dataset data, int[] rows, Standardizer standardizer) {
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
            labels[i] = data.labelled() ? data.labels()[rows[i]] : -1;
        }
        return new Samples(Matrix.wrap(rows.length, width, x), labels, data.labelNames().size());
    }

    /** @return every row of {@code data}, standardised */
    public static Samples all(Dataset data, Standardizer standardizer) {
        return of(data, java.util.stream.IntStream.range(0, data.size()).toArray(), standardizer);
    }

    /** @return N, the number of rows */
    public int size() {
        return labels.length;
    }

    /** @return a new (N, K) matrix of one-hot rows */
    public Matrix targets() {
        Matrix t = Matrix.zeros(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            t.set(i, labels[i], 1.0);
        }
        return t;
    }
}
