package dev.plugnet.core.metrics;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.data.Minibatches;
import dev.plugnet.core.data.Samples;
import dev.plugnet.core.data.Standardizer;
import dev.plugnet.core.network.Network;

/**
 * Runs a network forward (not training) over rows in batches, for the loss, the accuracy, the predicted
 * classes and the class probabilities. Changes no parameter.
 */
public final class Evaluator {
    private final int batchSize;

    /** @param batchSize rows per forward pass */
    public Evaluator(int batchSize) {
        this.batchSize = batchSize;
    }

    /** @return the mean loss and the accuracy of {@code network} on {@code samples} */
    public LossAndAccuracy lossAndAccuracy(Network network, Samples samples) {
        if (samples.size() == 0) {
            return LossAndAccuracy.NONE;
        }
        Minibatches batches = new Minibatches(samples, batchSize, 0);
        batches.inOrder();
        double lossSum = 0;
        int correct = 0;
        for (int b = 0; b < batches.count(); b++) {
            Minibatches.Batch batch = batches.batch(b);
            Matrix out = network.forward(batch.inputs(), false);
            lossSum += network.loss(batch.targets()) * batch.size();
            correct += correct(out, batch.labels());
        }
        return new LossAndAccuracy(lossSum / samples.size(),
                samples.regression() ? Double.NaN : (double) correct / samples.size(), samples.size());
    }

    /** @return the network's output for every row, (N, K), in a new matrix */
    public Matrix outputs(Network network, Samples samples) {
        Matrix all = Matrix.zeros(samples.size(), network.outputs());
        if (samples.size() == 0) {
            return all;
        }
        Minibatches batches = new Minibatches(samples, batchSize, 0);
        batches.inOrder();
        int k = network.outputs();
        int rowsPerBatch = Math.min(batchSize, samples.size());
        for (int b = 0; b < batches.count(); b++) {
            Minibatches.Batch batch = batches.batch(b);
            Matrix out = network.forward(batch.inputs(), false);
            System.arraycopy(out.data(), 0, all.data(), b * rowsPerBatch * k, out.data().length);
        }
        return all;
    }

    /** @return the confusion matrix of {@code network} on {@code samples} */
    public ConfusionMatrix confusion(Network network, Samples samples, java.util.List<String> labels) {
        return ConfusionMatrix.of(labels, samples.labels(), predictions(outputs(network, samples)));
    }

    /**
     * Everything {@code evaluate} reports about a classifier on labelled rows, from one forward pass over them.
     *
     * @param labels the class names, in the network's output order
     * @param positive for two classes, the index of the positive class (its probability is the score of
     *        ROC-AUC and average precision); ignored for more classes
     */
    public ClassifierEvaluation evaluate(Network network, Samples samples, java.util.List<String> labels,
                                         int positive) {
        LossAndAccuracy la = lossAndAccuracy(network, samples);
        Matrix outputs = outputs(network, samples);
        int[] predicted = predictions(outputs);
        ConfusionMatrix confusion = ConfusionMatrix.of(labels, samples.labels(), predicted);
        if (labels.size() != 2) {
            return new ClassifierEvaluation(la.loss(), confusion, null, null, outputs, predicted);
        }
        boolean[] isPositive = new boolean[samples.size()];
        double[] score = new double[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            isPositive[i] = samples.labels()[i] == positive;
            score[i] = outputs.get(i, positive);
        }
        return new ClassifierEvaluation(la.loss(), confusion, labels.get(positive), BinaryRanking.of(isPositive, score),
                outputs, predicted);
    }

    /**
     * Everything {@code evaluate} reports about a regression: the mean loss on the standardised targets and MAE,
     * RMSE and R² in the targets' own units.
     *
     * @param targets the targets' means and scales (the network predicts {@code z}; a value is
     *        {@code z · scale + mean})
     */
    public RegressionEvaluation regression(Network network, Samples samples, Standardizer targets) {
        Matrix outputs = Matrix.zeros(samples.size(), network.outputs());
        double loss = lossAndOutputs(network, samples, outputs);
        Matrix predicted = unstandardised(outputs, targets);
        Matrix actual = unstandardised(samples.targets(), targets);
        return new RegressionEvaluation(loss, RegressionMetrics.of(actual, predicted), predicted);
    }

    /**
     * The validation figures of a regression's epoch, from one forward pass: the mean loss (on the standardised
     * targets) and MAE, RMSE and R² in the targets' units (by the samples' {@link Samples#targetScaling}; in
     * their standardised units without one).
     */
    public RegressionEvaluation regression(Network network, Samples samples) {
        Standardizer targets = samples.targetScaling() != null ? samples.targetScaling()
                : Standardizer.identity(samples.classes());
        return regression(network, samples, targets);
    }

    /** @return the mean loss over {@code samples}, with the network's outputs copied into {@code all} (N, K) */
    private double lossAndOutputs(Network network, Samples samples, Matrix all) {
        if (samples.size() == 0) {
            return Double.NaN;
        }
        Minibatches batches = new Minibatches(samples, batchSize, 0);
        batches.inOrder();
        int k = network.outputs();
        int rowsPerBatch = Math.min(batchSize, samples.size());
        double lossSum = 0;
        for (int b = 0; b < batches.count(); b++) {
            Minibatches.Batch batch = batches.batch(b);
            Matrix out = network.forward(batch.inputs(), false);
            System.arraycopy(out.data(), 0, all.data(), b * rowsPerBatch * k, out.data().length);
            lossSum += network.loss(batch.targets()) * batch.size();
        }
        return lossSum / samples.size();
    }

    /** @return {@code z · scale + mean}, column by column, in a new matrix */
    public static Matrix unstandardised(Matrix z, Standardizer targets) {
        Matrix y = Matrix.zeros(z.rows(), z.cols());
        double[] scales = targets.scales();
        double[] means = targets.means();
        for (int i = 0; i < z.rows(); i++) {
            for (int j = 0; j < z.cols(); j++) {
                y.set(i, j, z.get(i, j) * scales[j] + means[j]);
            }
        }
        return y;
    }

    /** @return the index of the largest value of each row (the first on ties) */
    public static int[] predictions(Matrix outputs) {
        int[] out = new int[outputs.rows()];
        for (int i = 0; i < outputs.rows(); i++) {
            out[i] = argmax(outputs.data(), i * outputs.cols(), outputs.cols());
        }
        return out;
    }

    /** @return how many rows of {@code out} have their largest value at the label */
    public static int correct(Matrix out, int[] labels) {
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            if (argmax(out.data(), i * out.cols(), out.cols()) == labels[i]) {
                n++;
            }
        }
        return n;
    }

    private static int argmax(double[] d, int from, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (d[from + j] > d[from + best]) {
                best = j;
            }
        }
        return best;
    }
}
