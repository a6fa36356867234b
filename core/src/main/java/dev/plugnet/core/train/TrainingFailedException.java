package dev.plugnet.core.train;

import dev.plugnet.api.NonFiniteException;

/**
 * Training met a loss or gradient that is not finite. The location names the epoch and minibatch; the
 * {@link #result()} holds the epochs completed before it, with the model put back to the last good weights
 * (the best epoch's under early stopping, otherwise the last completed epoch's), ready to be saved.
 */
public final class TrainingFailedException extends NonFiniteException {
    private static final long serialVersionUID = 1L;

    private final transient TrainingResult result;

    TrainingFailedException(String location, String problem, TrainingResult result) {
        super(location, problem);
        this.result = result;
    }

    /** @return the epochs completed before the failure; {@code history().size() == 0} if none */
    public TrainingResult result() {
        return result;
    }
}
