package dev.plugnet.spark;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.NonFiniteException;
import dev.plugnet.core.data.Minibatches;
import dev.plugnet.core.metrics.Evaluator;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.NamedParameter;
import dev.plugnet.core.network.Network;
import dev.plugnet.core.network.Stage;
import dev.plugnet.core.train.TrainingStep;

import java.util.List;

/**
 * The one place this module touches core's lower-level training pieces (the network's forward and backward
 * pass, its parameters, the optimizer's step): everything else sees a model as flat arrays of weights and
 * optimizer state, which is what travels between the driver and the executors. Not thread-safe: each task or
 * thread has its own.
 */
final class NetworkAdapter {
    private final AssembledModel model;
    private final Network network;
    private final Stage last;
    private final double[][] values;
    private final double[][] gradients;
    private final String[] paths;
    private final int size;
    private TrainingStep step;

    NetworkAdapter(AssembledModel model) {
        this.model = model;
        this.network = model.network();
        this.last = network.stages().get(network.stages().size() - 1);
        List<NamedParameter> params = network.namedParameters();
        values = new double[params.size()][];
        gradients = new double[params.size()][];
        paths = new String[params.size()];
        int n = 0;
        for (int i = 0; i < params.size(); i++) {
            values[i] = params.get(i).parameter().value().data();
            gradients[i] = params.get(i).parameter().gradient().data();
            paths[i] = params.get(i).path();
            n += values[i].length;
        }
        size = n;
    }

    AssembledModel model() {
        return model;
    }

    int inputs() {
        return network.inputs();
    }

    int outputs() {
        return network.outputs();
    }

    /** @return the number of trainable values */
    int size() {
        return size;
    }

    /** @return a copy of every parameter's values, in the network's order */
    double[] weights() {
        return weightsInto(new double[size]);
    }

    /** Copies every parameter's values into {@code flat} ({@link #size()} long), in the network's order. */
    double[] weightsInto(double[] flat) {
        int at = 0;
        for (double[] v : values) {
            System.arraycopy(v, 0, flat, at, v.length);
            at += v.length;
        }
        return flat;
    }

    /** Sets every parameter's values from {@code flat}, in the network's order. */
    void weights(double[] flat) {
        int at = 0;
        for (double[] v : values) {
            System.arraycopy(flat, at, v, 0, v.length);
            at += v.length;
        }
    }

    /** @return a copy of the optimizer's state (its matrices in its order), possibly empty */
    double[] state() {
        return stateInto(new double[stateSize()]);
    }

    /** @return the number of values in the optimizer's state */
    int stateSize() {
        int n = 0;
        for (Matrix m : model.optimizer().state().values()) {
            n += m.data().length;
        }
        return n;
    }

    /** Copies the optimizer's state into {@code flat}, as long as {@link #state()} is; @return {@code flat} */
    double[] stateInto(double[] flat) {
        int at = 0;
        for (Matrix m : model.optimizer().state().values()) {
            System.arraycopy(m.data(), 0, flat, at, m.data().length);
            at += m.data().length;
        }
        return flat;
    }

    /** Sets the optimizer's state from {@code flat}, as {@link #state()} gave it. */
    void state(double[] flat) {
        int at = 0;
        for (Matrix m : model.optimizer().state().values()) {
            System.arraycopy(flat, at, m.data(), 0, m.data().length);
            at += m.data().length;
        }
    }

    /**
     * Sets the optimizer's state from an average of several partitions' states ({@link #state()}'s layout), as
     * the optimizer accepts it: an entry it refuses as averaged ({@link dev.plugnet.api.Optimizer#checkState} —
     * a step count is a whole number, and partitions that took different numbers of local steps average to a
     * fraction) is rounded to whole numbers, the count a partition of average size would have reached.
     *
     * @throws PlugnetSparkException if the optimizer refuses an entry even rounded; nothing is changed then
     */
    void averagedState(double[] flat, String where) {
        java.util.Map<String, Matrix> state = model.optimizer().state();
        double[][] accepted = new double[state.size()][];
        int at = 0;
        int e = 0;
        for (java.util.Map.Entry<String, Matrix> entry : state.entrySet()) {
            Matrix live = entry.getValue();
            double[] values = java.util.Arrays.copyOfRange(flat, at, at + live.data().length);
            at += values.length;
            try {
                model.optimizer().checkState(entry.getKey(), Matrix.wrap(live.rows(), live.cols(), values));
            } catch (dev.plugnet.api.OptimizerStateException refused) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = Math.rint(values[i]);
                }
                try {
                    model.optimizer().checkState(entry.getKey(), Matrix.wrap(live.rows(), live.cols(), values));
                } catch (dev.plugnet.api.OptimizerStateException still) {
                    throw new PlugnetSparkException(where, "the averaged optimizer state is refused: "
                            + still.getMessage());
                }
            }
            accepted[e++] = values;
        }
        e = 0;
        for (Matrix live : state.values()) {
            System.arraycopy(accepted[e], 0, live.data(), 0, accepted[e].length);
            e++;
        }
    }

    double learningRate() {
        return model.optimizer().learningRate();
    }

    void learningRate(double rate) {
        model.optimizer().learningRate(rate);
    }

    /**
     * Forward (training mode), loss and backward over one batch, then writes (or, with {@code add}, adds)
     * {@code share · dL/dθ} into {@code out}: the batch's part of a larger batch's mean gradient when
     * {@code share} is its fraction of the rows ({@code share} 1 without {@code add} copies the gradient exactly).
     *
     * @return the batch's mean loss
     */
    double gradient(Matrix x, Matrix t, double share, double[] out, boolean add) {
        network.forward(x, true);
        double loss = network.loss(t);
        network.backward(t);
        int at = 0;
        for (double[] g : gradients) {
            if (add) {
                for (int j = 0; j < g.length; j++) {
                    out[at + j] += share * g[j];
                }
            } else if (share == 1.0) {
                System.arraycopy(g, 0, out, at, g.length);
            } else {
                for (int j = 0; j < g.length; j++) {
                    out[at + j] = share * g[j];
                }
            }
            at += g.length;
        }
        return loss;
    }

    /** @return how many rows the last forward pass classified as {@code labels} says */
    int correct(int[] labels) {
        return Evaluator.correct(last.output(), labels);
    }

    /**
     * Applies one optimizer step with {@code gradient} as every parameter's gradient, as a single-machine step
     * does after its backward pass.
     *
     * @throws NonFiniteException naming the parameter whose gradient is not finite; nothing is changed then
     */
    void step(double[] gradient) {
        int at = 0;
        for (int i = 0; i < gradients.length; i++) {
            double[] g = gradients[i];
            System.arraycopy(gradient, at, g, 0, g.length);
            at += g.length;
            double zero = 0;
            for (double v : g) {
                zero += v - v;
            }
            if (zero != 0.0) {
                throw new NonFiniteException(paths[i], "its gradient is not finite");
            }
        }
        model.optimizer().step();
    }

    /**
     * Trains one epoch of {@code batches} locally, every step through core's training step.
     *
     * @return the sum over batches of loss × rows, and the rows classified correctly
     */
    EpochSums trainEpoch(Minibatches batches, int epoch) {
        if (step == null) {
            step = new TrainingStep(model);
        }
        batches.shuffle(epoch);
        double lossSum = 0;
        int correct = 0;
        int rows = 0;
        for (int b = 0; b < batches.count(); b++) {
            Minibatches.Batch batch = batches.batch(b);
            lossSum += step.run(batch.inputs(), batch.targets()) * batch.size();
            correct += Evaluator.correct(last.output(), batch.labels());
            rows += batch.size();
        }
        return new EpochSums(lossSum, correct, rows);
    }

    /**
     * Σ loss × rows and the rows classified correctly over {@code batches} in their stored order, in inference
     * mode: {@link Evaluator#lossAndAccuracy}'s passes, in the caller's reused buffers.
     */
    EpochSums evaluate(Minibatches batches) {
        batches.inOrder();
        double lossSum = 0;
        int correct = 0;
        int rows = 0;
        for (int b = 0; b < batches.count(); b++) {
            Minibatches.Batch batch = batches.batch(b);
            Matrix out = network.forward(batch.inputs(), false);
            lossSum += network.loss(batch.targets()) * batch.size();
            correct += Evaluator.correct(out, batch.labels());
            rows += batch.size();
        }
        return new EpochSums(lossSum, correct, rows);
    }

    /** @return the network's output for the batch {@code x} (inference mode), a live buffer */
    Matrix predict(Matrix x) {
        return network.forward(x, false);
    }

    /** @return the output stage's pre-activation (the logits) of the last forward pass, a live buffer */
    Matrix logits() {
        return last.preActivation();
    }

    /**
     * Sums of one epoch or one evaluation.
     *
     * @param lossSum Σ loss × rows
     * @param correct rows classified correctly
     * @param rows rows seen
     */
    record EpochSums(double lossSum, int correct, int rows) implements java.io.Serializable {
        static final EpochSums NONE = new EpochSums(0, 0, 0);

        EpochSums plus(EpochSums o) {
            return rows == 0 ? o : o.rows == 0 ? this : new EpochSums(lossSum + o.lossSum, correct + o.correct,
                    rows + o.rows);
        }
    }
}
