package dev.plugnet.core.metrics;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.data.Minibatches;
import dev.plugnet.core.data.Samples;
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
        return new LossAndAccuracy(lossSum / samples.size(), (double) correct / samples.size(), samples.size());
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
