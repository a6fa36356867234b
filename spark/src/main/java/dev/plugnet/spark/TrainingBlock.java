package dev.plugnet.spark;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.data.Minibatches;
import dev.plugnet.core.data.Samples;
import dev.plugnet.core.data.Standardizer;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;

/**
 * One partition's rows, standardised, ready for training: its training rows (whose global indices start at
 * {@code start}) and its validation rows. Cached on the executors as one object per partition; the network
 * that works on it is made there on first use and kept with it (transient), with every buffer a step needs, so
 * steps reuse them and allocate nothing. Its methods are synchronised: should Spark run two attempts of a
 * partition's task at once (speculation), they take turns with the buffers.
 */
final class TrainingBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int partition;
    private final int start;
    private final int width;
    private final int classes;
    private final double[] trainingX;
    private final int[] trainingY;
    private final double[] validationX;
    private final int[] validationY;

    private transient Samples training;
    private transient Samples validation;
    private transient NetworkAdapter worker;
    private transient int[] order;
    private transient int orderEpoch;
    private transient Minibatches local;
    private transient Minibatches held;
    private transient int[] mine;
    private transient PartitionGradient gradients;
    private transient ParameterShare parameters;

    private TrainingBlock(int partition, int start, int width, int classes, GrowingRows training,
                          GrowingRows validation) {
        this.partition = partition;
        this.start = start;
        this.width = width;
        this.classes = classes;
        this.trainingX = training.features();
        this.trainingY = training.labels();
        this.validationX = validation.features();
        this.validationY = validation.labels();
    }

    /** @return the training rows as samples (made once per deserialised block) */
    private Samples training() {
        if (training == null) {
            training = new Samples(Matrix.wrap(trainingY.length, width, trainingX), trainingY, classes);
        }
        return training;
    }

    private Samples validation() {
        if (validation == null) {
            validation = new Samples(Matrix.wrap(validationY.length, width, validationX), validationY, classes);
        }
        return validation;
    }

    /** @return the number of training rows in this block */
    int trainingRows() {
        return trainingY.length;
    }

    /**
     * Reads one partition's rows: the features through {@code reader}, the label at {@code labelIndex}, the
     * same rows held out for validation as in the statistics pass, standardised with {@code standardizer}.
     */
    static TrainingBlock read(int partition, Iterator<Row> rows, RowReader reader, int labelIndex, String labelColumn,
                              Map<String, Integer> classIndex, Standardizer standardizer, int start,
                              RowSplit split) {
        int width = reader.width();
        GrowingRows train = new GrowingRows(width);
        GrowingRows held = new GrowingRows(width);
        double[] raw = new double[width];
        RowPosition where = new RowPosition("partition " + partition);
        while (rows.hasNext()) {
            Row row = rows.next();
            where.next();
            reader.features(row, raw, where);
            String name = RowReader.label(row, labelIndex, labelColumn, where);
            Integer label = classIndex.get(name);
            if (label == null) {
                throw new PlugnetSparkException("column \"" + labelColumn + "\", " + where, "the class \"" + name
                        + "\" was not in the data when the classes were counted (the data changed between passes)");
            }
            (split.validation(row, where) ? held : train).add(raw, standardizer, label, where);
        }
        return new TrainingBlock(partition, start, width, classIndex.size(), train, held);
    }

    /**
     * This partition's share of global batch {@code batch} of {@code epoch}: the rows whose global indices the
     * single-machine minibatch order puts in that batch, in that order. After warm-up it allocates nothing: the
     * rows, the networks and the returned share are this block's, reused at every step.
     */
    synchronized GradientShare gradient(String modelJson, double[] weights, long seed, int epoch, int batch,
                                        int batchSize, int globalRows) {
        int[] o = order(globalRows, seed, epoch);
        int from = batch * batchSize;
        int to = Math.min(from + batchSize, globalRows);
        int end = start + trainingY.length;
        if (mine == null || mine.length < batchSize) {
            mine = new int[batchSize];
        }
        int count = 0;
        for (int i = from; i < to; i++) {
            if (o[i] >= start && o[i] < end) {
                mine[count++] = o[i] - start;
            }
        }
        if (count == 0) {
            return GradientShare.NONE;
        }
        if (gradients == null) {
            NetworkAdapter w = worker(modelJson);
            long expected = (long) batchSize * trainingY.length / Math.max(1, globalRows);
            gradients = new PartitionGradient(w, () -> network(modelJson), width, classes,
                    (int) Math.max(1, expected));
        }
        try {
            return gradients.compute(weights, mine, count, trainingX, trainingY, to - from);
        } catch (PlugnetException e) {
            throw new PlugnetSparkException("epoch " + epoch + ", batch " + (batch + 1) + ", partition " + partition,
                    e.getMessage());
        }
    }

    /**
     * Trains {@code epochs} local epochs from the given weights and optimizer state (parameter averaging). The
     * minibatches, the network and the returned share are this block's, reused from round to round.
     */
    synchronized ParameterShare trainLocally(String modelJson, double[] weights, double[] state, double rate,
                                             long seed, int round, int epochs, int batchSize) {
        if (trainingY.length == 0) {
            return ParameterShare.NONE;
        }
        NetworkAdapter w = worker(modelJson);
        w.weights(weights);
        w.state(state);
        w.learningRate(rate);
        if (local == null) {
            local = new Minibatches(training(), batchSize, seed + 0x632BE59BD9B4E019L * (partition + 1));
        }
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        for (int e = 1; e <= epochs; e++) {
            NetworkAdapter.EpochSums sums;
            try {
                sums = w.trainEpoch(local, (round - 1) * epochs + e);
            } catch (PlugnetException ex) {
                throw new PlugnetSparkException("round " + round + ", partition " + partition, ex.getMessage());
            }
            lossSum += sums.lossSum();
            correct += sums.correct();
            seen += sums.rows();
        }
        if (parameters == null || parameters.state.length != w.stateSize()) {
            parameters = new ParameterShare(new double[w.size()], new double[w.stateSize()], 0, 0, 0, 0);
        }
        double n = trainingY.length;
        double[] wts = w.weightsInto(parameters.weights);
        for (int i = 0; i < wts.length; i++) {
            wts[i] *= n;
        }
        double[] st = w.stateInto(parameters.state);
        for (int i = 0; i < st.length; i++) {
            st[i] *= n;
        }
        parameters.lossSum = lossSum;
        parameters.correct = correct;
        parameters.seen = seen;
        parameters.rows = trainingY.length;
        return parameters;
    }

    /** @return Σ loss × rows and the correct rows of this partition's validation rows under {@code weights} */
    synchronized NetworkAdapter.EpochSums validate(String modelJson, double[] weights, int batchSize) {
        if (validationY.length == 0) {
            return NetworkAdapter.EpochSums.NONE;
        }
        NetworkAdapter w = worker(modelJson);
        w.weights(weights);
        if (held == null) {
            held = new Minibatches(validation(), batchSize, 0);
        }
        return w.evaluate(held);
    }

    private NetworkAdapter worker(String modelJson) {
        if (worker == null) {
            worker = network(modelJson);
        }
        return worker;
    }

    private static NetworkAdapter network(String modelJson) {
        Plugnet plugnet = SparkPlugins.boot();
        return new NetworkAdapter(SparkPlugins.assemble(plugnet, modelJson, "the model"));
    }

    /** @return the single-machine row order of {@code epoch} over all {@code rows} training rows */
    private int[] order(int rows, long seed, int epoch) {
        if (order == null || order.length != rows) {
            order = new int[rows];
            orderEpoch = 0;
        }
        if (orderEpoch != epoch) {
            Minibatches.shuffle(order, seed, epoch);
            orderEpoch = epoch;
        }
        return order;
    }

    /** Rows read so far, standardised, in a growing array. */
    private static final class GrowingRows {
        private final int width;
        private double[] x;
        private int[] y = new int[64];
        private int n;

        GrowingRows(int width) {
            this.width = width;
            this.x = new double[Math.max(1, width) * 64];
        }

        void add(double[] raw, Standardizer standardizer, int label, RowPosition where) {
            if ((n + 1) * width > x.length) {
                x = java.util.Arrays.copyOf(x, Math.max(x.length * 2, (n + 1) * width));
            }
            if (n == y.length) {
                y = java.util.Arrays.copyOf(y, y.length * 2);
            }
            standardizer.apply(raw, x, n * width);
            for (int j = 0; j < width; j++) {
                if (!Double.isFinite(x[n * width + j])) {
                    throw new PlugnetSparkException(where.toString(), "feature " + j + " = " + raw[j] + " cannot be standardised"
                            + " (beyond the range of a double); rescale it");
                }
            }
            y[n++] = label;
        }

        double[] features() {
            return java.util.Arrays.copyOf(x, n * width);
        }

        int[] labels() {
            return java.util.Arrays.copyOf(y, n);
        }
    }
}
