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

    public TrainingStep(AssembledModel model) {
        this.network = model.network();
        this.optimizer = model.optimizer();
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
            throw new NonFiniteException("loss", "the loss is " + loss);
        }
        network.backward(t);
        for (NamedParameter p : network.namedParameters()) {
            if (!p.parameter().gradient().isFinite()) {
                throw new NonFiniteException(p.path(), "its gradient is not finite");
            }
        }
        optimizer.step();
        return loss;
    }

    public Network network() {
        return network;
    }

    public Optimizer optimizer() {
        return optimizer;
    }
}
