package dev.plugnet.core;

import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.checkpoint.AtomicFiles;
import dev.plugnet.core.files.WriteFailedException;
import dev.plugnet.core.train.EpochStats;
import dev.plugnet.core.train.History;
import dev.plugnet.core.train.TrainingListener;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * {@code train --history FILE}: every epoch's figures, one CSV line per epoch as it finishes, appended and
 * flushed, so the file holds every epoch of a run however long it is (a checkpoint keeps a bounded sample of
 * them, see {@link History}) and is readable while the run goes on. The header names the columns
 * ({@link #COLUMNS}: the loss, a classifier's accuracy, a regression's MAE, RMSE and R² in the targets' units); a
 * figure a run does not have (no validation rows, a regression's accuracy, a classifier's RMSE) is an empty cell.
 *
 * <p>A new run starts the file afresh: the header is written atomically in place of an earlier history file. A
 * resumed run continues it: the lines of epochs before the resumed run's first are kept (later ones, written
 * after the checkpoint it resumes, are dropped, atomically, so that no epoch appears twice) and the new epochs
 * are appended. Each write is checked: a file that cannot be started fails with a {@link WriteFailedException};
 * a line that cannot be written (a full disk) stops the run as a cancellation does ({@link #stopOnFailure}),
 * and {@link #failure()} says why; a line cut short by it is dropped when the run is resumed.
 */
public final class HistoryLog implements TrainingListener {
    /**
     * One column of the history file.
     *
     * @param name the header's name for it
     * @param value its figure for an epoch; NaN is written as an empty cell
     */
    public record Column(String name, ToDoubleFunction<EpochStats> value) {
    }

    /** The columns, in order; the first is the epoch. */
    public static final List<Column> COLUMNS = List.of(
            new Column("epoch", EpochStats::epoch),
            new Column("train_loss", EpochStats::trainLoss),
            new Column("train_accuracy", EpochStats::trainAccuracy),
            new Column("validation_loss", EpochStats::validationLoss),
            new Column("validation_accuracy", EpochStats::validationAccuracy),
            new Column("learning_rate", EpochStats::learningRate),
            new Column("train_mae", EpochStats::trainMae),
            new Column("train_rmse", EpochStats::trainRmse),
            new Column("train_r2", EpochStats::trainR2),
            new Column("validation_mae", EpochStats::validationMae),
            new Column("validation_rmse", EpochStats::validationRmse),
            new Column("validation_r2", EpochStats::validationR2));

    /** @return the header line, without its newline */
    public static String header() {
        StringBuilder line = new StringBuilder();
        for (Column c : COLUMNS) {
            line.append(line.length() == 0 ? "" : ",").append(c.name());
        }
        return line.toString();
    }

    private final TrainingListener next;
    private final Path file;
    private final String where;
    private Writer writer;
    private dev.plugnet.api.PlugnetException failure;

    /**
     * @param next hears everything this log hears, after it
     * @param file the history file (checked as an output before the run: see
     *        {@link dev.plugnet.core.files.OutputTarget})
     * @param where names the file in messages: {@code --history log.csv}
     */
    public HistoryLog(TrainingListener next, Path file, String where) {
        this.next = next;
        this.file = file;
        this.where = where;
    }

    @Override
    public void started(int firstEpoch, int lastEpoch, int batches, int rows) {
        try {
            AtomicFiles.write(file, start(firstEpoch));
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw WriteFailedException.of(where, e);
        }
        next.started(firstEpoch, lastEpoch, batches, rows);
    }

    /** @return the file's content before the first new epoch: the header, and the earlier epochs' lines */
    private byte[] start(int firstEpoch) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        kept.writeBytes((header() + "\n").getBytes(StandardCharsets.UTF_8));
        if (firstEpoch > 1 && Files.isRegularFile(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String first = in.readLine();
                if (first == null || !first.equals(header())) {
                    throw new PlugnetException(where, "is not a history file with the columns " + header()
                            + ", so the resumed run cannot continue it; give another --history file");
                }
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (epochOf(line) >= firstEpoch || epochOf(line) < 1
                            || line.chars().filter(c -> c == ',').count() != COLUMNS.size() - 1) {
                        break; // written after the checkpoint that is resumed, or a line a full disk cut short
                    }
                    kept.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return kept.toByteArray();
    }

    private static long epochOf(String line) {
        int comma = line.indexOf(',');
        try {
            return comma < 0 ? -1 : Long.parseLong(line.substring(0, comma));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void batchDone(int epoch, int batch, double loss) {
        next.batchDone(epoch, batch, loss);
    }

    @Override
    public void epochDone(EpochStats stats, boolean best) {
        StringBuilder line = new StringBuilder();
        for (Column c : COLUMNS) {
            if (line.length() > 0) {
                line.append(',');
            }
            double v = c.value().applyAsDouble(stats);
            if (c == COLUMNS.get(0)) {
                line.append(stats.epoch());
            } else if (!Double.isNaN(v)) {
                line.append(v);
            }
        }
        if (failure == null) {
            try {
                writer.write(line.append('\n').toString());
                writer.flush();
            } catch (IOException e) {
                failure = WriteFailedException.of(where, e);
            }
        }
        next.epochDone(stats, best);
    }

    @Override
    public void epochRecorded(History history) {
        next.epochRecorded(history);
    }

    /**
     * @return asked before every step, with the run's own cancellation: true once a line could not be written
     *         (a full disk), so the run stops as a cancelled run does, keeping its best epoch in the checkpoint,
     *         instead of training on with no record
     */
    public java.util.function.BooleanSupplier stopOnFailure(java.util.function.BooleanSupplier cancelled) {
        return () -> failure != null || cancelled.getAsBoolean();
    }

    /** @return why a line could not be written during the run, or {@code null} if every line was */
    public dev.plugnet.api.PlugnetException failure() {
        return failure;
    }

    /** Closes the file; the lines written so far are all in it. */
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw WriteFailedException.of(where, e);
            } finally {
                writer = null;
            }
        }
    }
}
