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

    /**
     * Checks a saved value of one state entry before a checkpoint restores it: plugnet calls this for every
     * saved entry, after checking that the entry exists and that its shape is that of the live matrix, and
     * copies nothing until every entry has passed. An optimizer throws {@link OptimizerStateException} naming
     * the entry (and the element) when it cannot continue from the value, for example a negative or fractional
     * step count or a negative second moment, so that such a file is refused with its place in the checkpoint
     * rather than training into a non-finite loss. The value is not this optimizer's; it must not be kept or
     * changed. Values are finite (plugnet refuses others before asking).
     *
     * <p>The default accepts every finite value (a state with no constraints beyond its shape).
     *
     * @param entry the entry's name, a key of {@link #state()}
     * @param saved the saved value, of the live entry's shape
     * @throws OptimizerStateException if this optimizer cannot continue from {@code saved}
     */
    default void checkState(String entry, Matrix saved) {
    }
}
