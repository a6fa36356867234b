package dev.plugnet.app;

import dev.plugnet.core.Cancellation;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Ctrl-C (SIGINT) or SIGTERM during {@code train} ends the run as a cancelled library fit ends: a shutdown hook
 * {@linkplain Cancellation#cancel() cancels} the run, which finishes the minibatch step it is in, puts the model
 * back to its best epoch (the one early stopping would keep; the last finished one without early stopping) and
 * writes the checkpoint atomically, as at a normal end. The hook then waits for the command to finish (it says
 * where and which epoch was kept), so the JVM does not stop while the checkpoint is being written.
 */
final class InterruptSave implements AutoCloseable {
    /** How long the hook waits for the current step and the checkpoint before it lets the JVM stop. */
    static final long STOP_SECONDS = 120;

    private final Cancellation cancellation = new Cancellation();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final PrintStream err;
    private final Thread hook;

    InterruptSave(PrintStream err) {
        this.err = err;
        this.hook = new Thread(this::interrupted, "plugnet-interrupt-save");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** @return the signal the run is asked before every step */
    BooleanSupplier signal() {
        return cancellation;
    }

    /** @return whether Ctrl-C or SIGTERM arrived */
    boolean happened() {
        return cancellation.isCancelled();
    }

    /** The command is done (normally, cancelled or with an error): the hook, if it runs, has nothing to wait for. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs, and sees the command finished
        }
    }

    /** What the shutdown hook does; package-private for tests. */
    void interrupted() {
        if (finished.getCount() == 0) {
            return;
        }
        cancellation.cancel();
        try {
            if (!finished.await(STOP_SECONDS, TimeUnit.SECONDS)) {
                err.println("plugnet: interrupted; the run did not stop within " + STOP_SECONDS + " s, so it ends"
                        + " without saving");
                err.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
