package dev.plugnet.app;

import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.train.EpochStats;
import dev.plugnet.core.train.History;
import dev.plugnet.core.train.TrainingListener;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Ctrl-C (SIGINT) or SIGTERM during {@code train}: the last finished epoch is saved, atomically, and the line
 * says where and how to continue. After each epoch a copy of the model is taken ({@code capture}); a shutdown
 * hook writes the newest copy that has not been written yet, so an interrupted run loses at most the epoch it
 * was in, with or without {@code --checkpoint-every}.
 */
final class InterruptSave implements TrainingListener, AutoCloseable {
    private final TrainingListener next;
    private final Function<History, Checkpoint> capture;
    private final Consumer<Checkpoint> write;
    private final Path file;
    private final PrintStream err;
    private final Thread hook;
    private volatile Saved latest;
    private volatile boolean finished;

    /**
     * @param next the listener that hears everything first (progress, periodic checkpoints)
     * @param capture a checkpoint of the model as it is now, with this history (a copy: training goes on)
     * @param write writes a checkpoint to {@code file}, atomically
     * @param file where the checkpoint goes, for the message
     */
    InterruptSave(TrainingListener next, Function<History, Checkpoint> capture, Consumer<Checkpoint> write, Path file,
                  PrintStream err) {
        this.next = next;
        this.capture = capture;
        this.write = write;
        this.file = file;
        this.err = err;
        this.hook = new Thread(this::interrupted, "plugnet-interrupt-save");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void started(int firstEpoch, int lastEpoch, int batches, int rows) {
        next.started(firstEpoch, lastEpoch, batches, rows);
    }

    @Override
    public void batchDone(int epoch, int batch, double loss) {
        next.batchDone(epoch, batch, loss);
    }

    @Override
    public void epochDone(EpochStats stats, boolean best) {
        next.epochDone(stats, best);
    }

    @Override
    public void epochRecorded(History history) {
        next.epochRecorded(history);
        latest = new Saved(capture.apply(history), history.size());
    }

    /** The run ended normally (or with its own error handling): nothing is left for the hook to do. */
    @Override
    public void close() {
        finished = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs, and sees the run finished
        }
    }

    /** A checkpoint taken after an epoch, and that epoch's number in the history. */
    private record Saved(Checkpoint checkpoint, int epoch) {
    }

    /** What the shutdown hook does; package-private for tests. */
    void interrupted() {
        if (finished) {
            return;
        }
        Saved saved = latest; // one read: training goes on while the hook writes
        if (saved == null) {
            err.println("plugnet: interrupted before the first epoch finished; nothing was saved");
            err.flush();
            return;
        }
        try {
            write.accept(saved.checkpoint());
            err.println("plugnet: interrupted; saved epoch " + saved.epoch() + " to " + file + " (continue with"
                    + " --resume " + file + ")");
        } catch (PlugnetException e) {
            err.println("plugnet: interrupted; the checkpoint could not be saved: " + e.getMessage());
        }
        err.flush();
    }
}
