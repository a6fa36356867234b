package dev.plugnet.spark;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Scores one partition: rows are read a chunk at a time into this thread's {@link Predictor} (from the model
 * broadcast once), and each input row comes out with the prediction, the probabilities, the logits and the
 * class name appended (those that are named).
 */
final class ScoringFunction implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<ScoringModel> model;
    private final RowReader reader;
    private final boolean prediction;
    private final boolean probability;
    private final boolean raw;
    private final boolean label;

    ScoringFunction(Broadcast<ScoringModel> model, RowReader reader, boolean prediction, boolean probability,
                    boolean raw, boolean label) {
        this.model = model;
        this.reader = reader;
        this.prediction = prediction;
        this.probability = probability;
        this.raw = raw;
        this.label = label;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Predictor p = model.value().predictor();
        int extra = (prediction ? 1 : 0) + (probability ? 1 : 0) + (raw ? 1 : 0) + (label ? 1 : 0);
        return new Iterator<>() {
            private final Row[] chunk = new Row[Predictor.CHUNK];
            private int count;
            private int next;
            private final RowPosition position = new RowPosition("a partition being scored");

            @Override
            public boolean hasNext() {
                if (next < count) {
                    return true;
                }
                count = 0;
                next = 0;
                while (count < Predictor.CHUNK && rows.hasNext()) {
                    Row row = rows.next();
                    position.next();
                    reader.features(row, p.raw(), position);
                    p.standardise(count);
                    chunk[count++] = row;
                }
                if (count > 0) {
                    p.run(count);
                }
                return count > 0;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                Row in = chunk[i];
                chunk[i] = null;
                int n = in.length();
                Object[] values = new Object[n + extra];
                for (int c = 0; c < n; c++) {
                    values[c] = in.get(c);
                }
                int at = n;
                if (prediction) {
                    values[at++] = p.prediction(i);
                }
                if (probability) {
                    double[] v = new double[p.classes()];
                    p.probabilities(i, v);
                    values[at++] = new DenseVector(v);
                }
                if (raw) {
                    double[] v = new double[p.classes()];
                    p.logits(i, v);
                    values[at++] = new DenseVector(v);
                }
                if (label) {
                    values[at] = p.label(i);
                }
                return RowFactory.create(values);
            }
        };
    }
}
