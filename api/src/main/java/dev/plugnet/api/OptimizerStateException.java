package dev.plugnet.api;

/**
 * A saved value of an optimizer's named state entry that the optimizer cannot continue from, thrown by
 * {@link Optimizer#checkState(String, Matrix)} before anything is restored: for example a negative or fractional
 * step count, or a negative second moment. plugnet reports it at the entry's place in the checkpoint
 * ({@code optimizer.state.step}, {@code optimizer.state["v[0]"].values[3]}) with the problem as given.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public class OptimizerStateException extends PlugnetException {
    private static final long serialVersionUID = 1L;

    private final String entry;
    private final int element;

    /**
     * @param entry the entry's name, as in {@link Optimizer#state()}
     * @param element the offending element's index in the matrix's row-major values, or {@code -1} when the
     *        problem is the entry as a whole
     * @param problem what the value is and what was expected, for example
     *        {@code "expected a whole number of steps >= 0, got -3"}
     */
    public OptimizerStateException(String entry, int element, String problem) {
        super(element < 0 ? entry : entry + " values[" + element + "]", problem);
        if (element < -1) {
            throw new IllegalArgumentException("element >= -1, got " + element);
        }
        this.entry = entry;
        this.element = element;
    }

    /** @return the entry's name, as in {@link Optimizer#state()} */
    public String entry() {
        return entry;
    }

    /** @return the offending element's row-major index, or {@code -1} for the entry as a whole */
    public int element() {
        return element;
    }
}
