package dev.plugnet.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A signal that asks a training run to stop: any thread may {@link #cancel()}; the run finishes the minibatch
 * step it is in, puts the model back to its best epoch (the last completed one without early stopping) and
 * returns it as a trained model. A signal stays cancelled once cancelled.
 *
 * <pre>{@code
 * Cancellation stop = new Cancellation();
 * executor.submit(() -> plugnet.fit(spec).cancellation(stop).on(names, x, y));
 * stop.cancel(); // from a request handler, a shutdown hook, a timer …
 * }</pre>
 */
public final class Cancellation implements BooleanSupplier {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** Asks the run to stop after its current step. */
    public void cancel() {
        cancelled.set(true);
    }

    /** @return whether {@link #cancel()} was called */
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public boolean getAsBoolean() {
        return cancelled.get();
    }
}
