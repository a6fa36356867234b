package dev.plugnet.core;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.data.DataException;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.data.Preprocessing;
import dev.plugnet.core.data.Samples;
import dev.plugnet.core.data.Standardizer;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.network.Network;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The explain use case ({@code plugnet explain}): one forward and backward pass of a network on a small batch —
 * the first rows of a data set, standardised with a checkpoint's means and scales (or, for a config, over all the
 * data's rows), or seeded random rows when there is no data — so that every value of SPEC.md can be shown.
 * {@link #prepare} makes and checks the batch; {@link #pass()} runs it, after which the network holds the pass's
 * values (its stages' outputs and gradients).
 *
 * @param model the model explained
 * @param network the network, after the pass
 * @param x the batch's inputs (B, n_1), standardised
 * @param t the batch's one-hot targets (B, K)
 * @param dataSource the data the rows came from, or {@code null} for seeded random rows
 * @param withCheckpointStandardisation whether the rows were standardised with a checkpoint's means and scales
 * @param classes the data's classes (empty for random rows)
 */
public record Explanation(ModelSpec model, Network network, Matrix x, Matrix t, String dataSource,
                          boolean withCheckpointStandardisation, List<String> classes) {

    /**
     * @return a checkpoint's network with its weights, on the generic path when {@code noShortcut}; the optimizer's
     *         plugin need not be installed
     */
    public static Network network(Plugnet plugnet, Checkpoint checkpoint, boolean noShortcut, String source) {
        plugnet.warnAboutPluginVersions(checkpoint, source);
        Checkpoint chosen = noShortcut ? checkpoint.withConfig(checkpoint.config().withShortcuts(false)) : checkpoint;
        return plugnet.checkpointReader().restoreNetwork(chosen, plugnet.assembler(), plugnet.registry(),
                plugnet.products(), source);
    }

    /**
     * Makes and checks the batch.
     *
     * @param data labelled rows (read for the checkpoint's preprocessing when there is one), or {@code null} for
     *        seeded random rows
     * @param dataWhere where the data's columns are named, for messages
     * @param preprocessing the checkpoint's, or {@code null} to standardise over all the data's rows
     * @param rows the batch size wanted (fewer when the data has fewer)
     * @throws DataException if the data's features or classes do not fit the network
     */
    public static Explanation prepare(ModelSpec model, Network network, Dataset data, String dataWhere,
                                  Preprocessing preprocessing, int rows) {
        Matrix x;
        Matrix t;
        if (data != null) {
            int[] all = IntStream.range(0, data.size()).toArray();
            Standardizer standardizer = preprocessing != null ? preprocessing.standardizer()
                    : Standardizer.fit(data.features(), all, data.featureNames().size());
            Standardizer targets = !data.regression() ? null : preprocessing != null ? preprocessing.targets()
                    : Standardizer.fit(data.targets(), all, data.labelNames().size());
            int n = Math.min(rows, data.size());
            Samples samples = Samples.of(data, IntStream.range(0, n).toArray(), standardizer, targets);
            if (samples.features().cols() != network.inputs() || samples.classes() != network.outputs()) {
                throw new DataException(dataWhere, "has " + samples.features().cols() + " features and "
                        + samples.classes() + " classes, but the network has " + network.inputs() + " inputs and "
                        + network.outputs() + " outputs");
            }
            x = samples.features();
            t = samples.targets();
        } else {
            SplittableRandom random = new SplittableRandom(model.seed());
            x = Matrix.zeros(rows, network.inputs());
            for (int i = 0; i < x.data().length; i++) {
                x.data()[i] = random.nextDouble(-1, 1);
            }
            t = Matrix.zeros(rows, network.outputs());
            for (int i = 0; i < rows; i++) {
                t.set(i, random.nextInt(network.outputs()), 1.0);
            }
        }
        return new Explanation(model, network, x, t, data == null ? null : data.source(),
                data != null && preprocessing != null, data == null ? List.of() : data.labelNames());
    }

    /**
     * Runs the forward pass (in training mode), the loss and the backward pass (SPEC.md's steps 1–8).
     *
     * @return L, the batch's mean loss
     * @throws dev.plugnet.api.NonFiniteException if the generic path meets a value that is not finite
     */
    public double pass() {
        network.forward(x, true);
        double loss = network.loss(t);
        network.backward(t);
        return loss;
    }
}
