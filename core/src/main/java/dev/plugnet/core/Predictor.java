package dev.plugnet.core;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.data.DataException;
import dev.plugnet.core.data.Preprocessing;
import dev.plugnet.core.data.Standardizer;
import dev.plugnet.core.network.Network;

import java.util.List;

/**
 * Predicts with a {@link TrainedModel} on one thread: its own copy of the network and its buffers, so that after
 * the first call {@link #predict(double[], double[])} allocates nothing — it standardises the row as the model
 * was trained, runs the network forward and writes every class's probability into the caller's array.
 *
 * <p>A predictor is <b>not</b> thread-safe: make one per thread ({@link TrainedModel#newPredictor()} is cheap
 * next to the work it saves), or use the model's own methods, which are. Every predictor of one model gives
 * the same probabilities, bit for bit, as the model's {@link TrainedModel#predict(double[])}.
 *
 * <pre>{@code
 * Predictor predictor = model.newPredictor();      // per thread
 * double[] p = new double[model.classNames().size()];
 * int k = predictor.predict(row, p);               // p now holds every class's probability
 * }</pre>
 */
public final class Predictor {
    private static final int CHUNK = 512;

    private final Network network;
    private final double[] means;
    private final double[] scales;
    private final List<String> featureNames;
    private final List<String> classNames;
    private final int inputs;
    private final int classes;
    private final Standardizer targets;
    private final Matrix one;
    private Matrix chunk;
    private Matrix tail;

    Predictor(Network network, Preprocessing preprocessing) {
        this.network = network;
        this.means = preprocessing.standardizer().means();
        this.scales = preprocessing.standardizer().scales();
        this.featureNames = preprocessing.featureNames();
        this.classNames = preprocessing.labelNames();
        this.inputs = featureNames.size();
        this.classes = classNames.size();
        this.targets = preprocessing.targets();
        this.one = Matrix.zeros(1, inputs);
    }

    /**
     * Predicts one row without allocating (after the first call).
     *
     * @param row the features, in the order of {@link TrainedModel#featureNames()}, as in the training data
     *        (not standardised)
     * @param probabilities receives every class's probability from index 0, in the order of
     *        {@link TrainedModel#classNames()}; at least as long as there are classes
     * @return the index of the most probable class (the first on ties)
     * @throws DataException if the row has the wrong width or a value that is not finite (naming its column), or
     *         {@code probabilities} is too short
     */
    public int predict(double[] row, double[] probabilities) {
        requireClassifier();
        if (probabilities == null || probabilities.length < classes) {
            throw new DataException("probabilities", (probabilities == null ? "is null" : "has length "
                    + probabilities.length) + "; expected at least " + classes + ", one per class ("
                    + String.join(", ", classNames) + ")");
        }
        standardise(row, one.data(), 0, "row", -1);
        Matrix out = network.forward(one, false);
        System.arraycopy(out.data(), 0, probabilities, 0, classes);
        return argmax(probabilities, 0, classes);
    }

    /**
     * A regression's prediction for one row, in the targets' own units, without allocating (after the first call).
     *
     * @param row the features, as for {@link #predict(double[], double[])}
     * @param values receives target {@code j}'s value at index {@code j}, in the order of
     *        {@link TrainedModel#classNames()} (the target names); at least as long as there are targets
     * @throws IllegalStateException if the model is a classifier (use {@link #predict(double[], double[])})
     * @throws DataException if the row has the wrong width or a value that is not finite (naming its column), or
     *         {@code values} is too short
     */
    public void predictValues(double[] row, double[] values) {
        if (targets == null) {
            throw new IllegalStateException("a classifier predicts probabilities, not values: use predict");
        }
        if (values == null || values.length < classes) {
            throw new DataException("values", (values == null ? "is null" : "has length " + values.length)
                    + "; expected at least " + classes + ", one per target (" + String.join(", ", classNames) + ")");
        }
        standardise(row, one.data(), 0, "row", -1);
        double[] z = network.forward(one, false).data();
        for (int j = 0; j < classes; j++) {
            values[j] = z[j] * targets.scales()[j] + targets.means()[j];   // as Evaluator.unstandardised
        }
    }

    /**
     * @return the prediction for one row, as a new {@link Prediction}
     * @throws DataException if the row has the wrong width or a value that is not finite
     */
    public Prediction predict(double[] row) {
        double[] p = new double[classes];
        int k = predict(row, p);
        return new Prediction(k, classNames.get(k), classNames, p);
    }

    /**
     * Predicts many rows into the caller's arrays, a chunk of rows per forward pass, without allocating (after
     * the first calls): the batch form of {@link #predict(double[], double[])}, for one thread.
     *
     * @param rows the rows, each as for {@link #predict(double[], double[])}
     * @param probabilities receives row {@code i}'s probabilities in {@code probabilities[i]}, in the order of
     *        {@link TrainedModel#classNames()}; as many arrays as rows, each at least as long as there are classes
     * @throws DataException naming the row (from 1) and column of a row of the wrong width or a value that is not
     *         finite, or an output array that is missing or too short
     * @throws IllegalStateException if the model is a regression
     */
    public void predictAll(double[][] rows, double[][] probabilities) {
        if (probabilities == null || rows != null && probabilities.length < rows.length) {
            throw new DataException("probabilities", (probabilities == null ? "is null" : "has "
                    + probabilities.length + " arrays") + "; expected one per row (" + (rows == null ? 0 : rows.length)
                    + ")");
        }
        for (int i = 0; rows != null && i < rows.length; i++) {
            if (probabilities[i] == null || probabilities[i].length < classes) {
                throw new DataException("probabilities[" + i + "]", (probabilities[i] == null ? "is null"
                        : "has length " + probabilities[i].length) + "; expected at least " + classes
                        + ", one per class (" + String.join(", ", classNames) + ")");
            }
        }
        predictAll(rows, probabilities, "x");
    }

    /**
     * Predicts many rows, a chunk of them per forward pass.
     *
     * @param rows the rows, each as for {@link #predict(double[], double[])}
     * @param out receives row {@code i}'s probabilities in {@code out[i]} (each at least as long as there are
     *        classes)
     * @param source what the rows are called in messages ({@code x row 3, column "T4"})
     */
    void predictAll(double[][] rows, double[][] out, String source) {
        requireClassifier();
        if (rows == null) {
            throw new DataException(source, "is missing (null)");
        }
        for (int from = 0; from < rows.length; from += CHUNK) {
            int n = Math.min(CHUNK, rows.length - from);
            Matrix batch = n == CHUNK ? chunk : tail;
            if (batch == null || batch.rows() != n) {
                batch = Matrix.zeros(n, inputs);
                if (n == CHUNK) {
                    chunk = batch;
                } else {
                    tail = batch;
                }
            }
            double[] x = batch.data();
            for (int i = 0; i < n; i++) {
                standardise(rows[from + i], x, i * inputs, source, from + i);
            }
            double[] p = network.forward(batch, false).data();
            for (int i = 0; i < n; i++) {
                System.arraycopy(p, i * classes, out[from + i], 0, classes);
            }
        }
    }

    private void requireClassifier() {
        if (targets != null) {
            throw new IllegalStateException("a regression predicts values, not class probabilities: use predictValues");
        }
    }

    /** @return the network this predictor runs (for evaluation in batches) */
    Network network() {
        return network;
    }

    /** @return the number of features a row has */
    public int inputs() {
        return inputs;
    }

    /** @return the number of classes (or of a regression's targets), the length {@code probabilities} or {@code values} needs */
    public int classes() {
        return classes;
    }

    /**
     * Standardises {@code row} into {@code x} from {@code offset}: {@code (v − mean) / scale} per feature, as
     * {@link dev.plugnet.core.data.Standardizer#apply} does for the training rows, bit for bit.
     *
     * @param index the row's index for messages, or -1 for a single row
     */
    private void standardise(double[] row, double[] x, int offset, String source, int index) {
        if (row == null || row.length != inputs) {
            throw new DataException(where(source, index), (row == null ? "is null" : "has " + row.length
                    + " values") + "; the model has " + inputs + " features (" + String.join(", ", featureNames)
                    + ")");
        }
        for (int j = 0; j < inputs; j++) {
            double v = row[j];
            double s = (v - means[j]) / scales[j];
            if (!Double.isFinite(s)) {
                if (!Double.isFinite(v)) {
                    throw new DataException(where(source, index) + ", column \"" + featureNames.get(j) + "\"",
                            "expected a finite number, got " + v);
                }
                s = v / scales[j] - means[j] / scales[j];
                if (!Double.isFinite(s)) {
                    throw new DataException(where(source, index) + ", column \"" + featureNames.get(j) + "\"",
                            "the value " + v + " cannot be standardised: (x - mean) / scale with mean " + means[j]
                                    + " and scale " + scales[j] + " is beyond the range of a double");
                }
            }
            x[offset + j] = s;
        }
    }

    private static String where(String source, int index) {
        return index < 0 ? source : source + " row " + (index + 1);
    }

    static int argmax(double[] d, int from, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (d[from + j] > d[from + best]) {
                best = j;
            }
        }
        return best;
    }
}
