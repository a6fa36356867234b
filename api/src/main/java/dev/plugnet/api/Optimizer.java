package dev.plugnet.api;

import java.util.Map;

/**
 * Updates a network's parameters from their gradients after each backward pass, for example plain SGD:
 * {@code W ← W − η · dL/dW}.
 *
 * <p>An optimizer is built for one fixed list of {@link Parameter}s and may keep state per parameter
 * (momentum, Adam's moments); it must allocate nothing in {@link #step()}.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface Optimizer {
    /** Applies one update to every parameter from its current gradient. */
    void step();

    /** @return the current learning rate η */
    double learningRate();

    /** Sets η, for learning-rate schedules. */
    void learningRate(double learningRate);

    /**
     * The optimizer's whole state, by name, as live matrices: a checkpoint saves each entry under its name and
     * restores it by copying into the live matrix, so a resumed run continues bit for bit as if it had not
     * stopped. Names are fixed for an optimizer built for a given list of parameters, lower case, and refer to
     * a parameter by its position in {@link OptimizerContext#parameters()} (Adam: {@code step}, then
     * {@code m[0]}, {@code m[1]}, …, then {@code v[0]}, …); a scalar such as a step count is a (1×1) matrix.
     *
     * @return the entries in a fixed order, unmodifiable; empty for a stateless optimizer
     */
    default Map<String, Matrix> state() {
        return Map.of();
    }
}
