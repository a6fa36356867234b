package dev.plugnet.api;

/**
 * A loss, an activation or a gradient that is not finite (NaN or ±Inf). SPEC.md requires that such a value is
 * reported, never trained on: for example the generic path's step 1 meets {@code t > 0} where the softmax
 * output {@code s} underflowed to 0. The location names where it was found (a step, a parameter, an epoch and
 * batch).
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public class NonFiniteException extends PlugnetException {
    private static final long serialVersionUID = 1L;

    /**
     * @param location where the value was found, for example {@code step 1 (dL/ds)}
     * @param problem what was not finite
     */
    public NonFiniteException(String location, String problem) {
        super(location, problem);
    }
}
