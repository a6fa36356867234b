package dev.plugnet.spark;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.data.Standardizer;

/**
 * One thread's scorer: rows are standardised into a reused chunk of {@link #CHUNK} rows and go through the
 * network one chunk at a time, so scoring allocates nothing per row (a partition's last, shorter chunk uses a
 * second buffer).
 */
final class Predictor {
    /** Rows per forward pass. */
    static final int CHUNK = 256;

    private final NetworkAdapter network;
    private final Standardizer standardizer;
    private final String[] classes;
    private final double[] predictionValues;
    private final int width;
    private final int k;
    private final double[] raw;
    private final Matrix full;
    private Matrix tail;
    private Matrix outputs;
    private Matrix logits;

    Predictor(NetworkAdapter network, Standardizer standardizer, String[] classes, double[] predictionValues) {
        this.network = network;
        this.standardizer = standardizer;
        this.classes = classes;
        this.predictionValues = predictionValues;
        this.width = network.inputs();
        this.k = network.outputs();
        this.raw = new double[width];
        this.full = Matrix.zeros(CHUNK, width);
    }

    /** @return the array to read row {@code i}'s raw features into before {@link #standardise(int)} */
    double[] raw() {
        return raw;
    }

    /** Standardises {@link #raw()} into row {@code i} of the chunk. */
    void standardise(int i) {
        standardizer.apply(raw, full.data(), i * width);
    }

    /** Runs the network on the first {@code rows} rows of the chunk. */
    void run(int rows) {
        Matrix x = full;
        if (rows != CHUNK) {
            if (tail == null || tail.rows() != rows) {
                tail = Matrix.zeros(rows, width);
            }
            System.arraycopy(full.data(), 0, tail.data(), 0, rows * width);
            x = tail;
        }
        outputs = network.predict(x);
        logits = network.logits();
    }

    /** @return the index of row {@code i}'s most probable class (the first of equals) */
    int best(int i) {
        double[] o = outputs.data();
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (o[i * k + c] > o[i * k + best]) {
                best = c;
            }
        }
        return best;
    }

    double prediction(int i) {
        return predictionValues[best(i)];
    }

    String label(int i) {
        return classes[best(i)];
    }

    /** Copies row {@code i}'s class probabilities into {@code out}. */
    void probabilities(int i, double[] out) {
        System.arraycopy(outputs.data(), i * k, out, 0, k);
    }

    /** Copies row {@code i}'s logits (the output layer before its activation) into {@code out}. */
    void logits(int i, double[] out) {
        System.arraycopy(logits.data(), i * k, out, 0, k);
    }

    int classes() {
        return k;
    }
}
