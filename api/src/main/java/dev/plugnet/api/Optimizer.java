package dev.plugnet.api;

import java.util.List;

/**
 * Updates a network's parameters from their gradients after each backward pass, for example plain SGD:
 * {@code W ← W − η · dL/dW}.
 *
 * <p>An optimizer is built for one fixed list of {@link Parameter}s and may keep state per parameter
 * (momentum, Adam's moments); it must allocate nothing in {@link #step()}.
 */
public interface Optimizer {
    /** Applies one update to every parameter from its current gradient. */
    void step();

    /** @return the current learning rate η */
    double learningRate();

    /** Sets η, for learning-rate schedules. */
    void learningRate(double learningRate);

    /**
     * @return the optimizer's state as live matrices in a fixed order (for Adam: the step count, then the
     *         first and second moments), so that a checkpoint can save and restore it by copying; empty for
     *         a stateless optimizer
     */
    default List<Matrix> state() {
        return List.of();
    }
}
