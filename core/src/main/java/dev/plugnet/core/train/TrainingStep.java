package dev.plugnet.core.train;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.NonFiniteException;
import dev.plugnet.api.Optimizer;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.NamedParameter;
import dev.plugnet.core.network.Network;

/**
 * One training step on one minibatch — forward, loss, backward (SPEC.md steps 1–8), a finiteness check, the
 * optimizer's update — the single code path that {@code train}, {@code bench} and every other trainer use.
 * It allocates nothing once the network's buffers exist for the batch size.
 */
public final class TrainingStep {
    private final Network network;
    private final Optimizer optimizer;
    private final double[][] gradients;
    private final String[] paths;

    public TrainingStep(AssembledModel model) {
        this.network = model.network();
        this.optimizer = model.optimizer();
        int n = network.namedParameters().size();
        this.gradients = new double[n][];
        this.paths = new String[n];
        for (int i = 0; i < n; i++) {
            NamedParameter p = network.namedParameters().get(i);
            gradients[i] = p.parameter().gradient().data(); // a Parameter keeps its gradient matrix for life
            paths[i] = p.path();
        }
    }

    /**
     * @param x the batch's inputs (B, n_1)
     * @param t the batch's targets (B, K)
     * @return the batch's loss before the update
     * @throws NonFiniteException if the loss or a gradient is not finite; no parameter has been changed then
     */
    public double run(Matrix x, Matrix t) {
        network.forward(x, true);
        double loss = network.loss(t);
        if (!Double.isFinite(loss)) {
            if (!network.usesShortcut()) {
                // the generic path's step 1 names the row and column where t > 0 meets s = 0, if that is the cause
                network.backward(t);
            }
            throw new NonFiniteException("loss", "the loss is " + loss);
        }
        network.backward(t);
        for (int i = 0; i < gradients.length; i++) {
            if (!finite(gradients[i])) {
                throw new NonFiniteException(paths[i], "its gradient is not finite");
            }
        }
        optimizer.step();
        return loss;
    }

    /**
     * @return whether every element is finite: {@code v − v} is 0 for a finite {@code v} and NaN for NaN or
     *         ±Inf, and the sum of those stays 0 exactly when all are finite (one branch per array, not per element)
     */
    private static boolean finite(double[] values) {
        double zero = 0.0;
        for (double v : values) {
            zero += v - v;
        }
        return zero == 0.0;
    }

    public Network network() {
        return network;
    }

    public Optimizer optimizer() {
        return optimizer;
    }
}
