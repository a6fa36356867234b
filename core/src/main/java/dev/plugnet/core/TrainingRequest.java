package dev.plugnet.core;

import dev.plugnet.api.MatrixProducts;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.train.TrainingListener;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What {@link TrainingRun} trains, and how: the one request behind {@code plugnet train} and {@link Fit}. Build it
 * with {@link #of} and the {@code with…} methods.
 *
 * @param spec the model, its {@code training} section already holding the run's settings
 * @param data the labelled rows (split into train, validation and test by the spec's fractions and seed)
 * @param dataWhere where the data's columns are named, for messages about them (a CSV's header line)
 * @param validation separate validation rows, or {@code null} to split them off {@code data}; when given,
 *        {@code data} is split only for the test (if {@code holdOutTest}), never for validation
 * @param test separate test rows for the report on the trained model, or {@code null} to split them off
 *        {@code data} (if {@code holdOutTest}); when given, {@code data} is not split for the test
 * @param holdOutTest whether to hold out the spec's test fraction for a report on the trained model
 * @param resume the checkpoint of a run to continue, or {@code null}: its weights, optimizer state, standardisation
 *        and history carry on
 * @param resumeSource names {@code resume} in messages
 * @param epochs epochs to run, or {@code null} for the spec's (when resuming: those the spec has left)
 * @param dataName the data's name to record in checkpoints, or {@code null}
 * @param checkpointFile where to write the checkpoint (after every {@code checkpointEvery} epochs, at the end, and
 *        the last good epoch's when training fails), or {@code null} to write none
 * @param checkpointEvery epochs between periodic checkpoints, 0 for only the last
 * @param compute where the products run, or {@code null} for the plugnet's own ({@link Plugnet#products()}, else the model's compute choice)
 * @param listener hears the progress
 * @param cancelled asked before every step; true stops the run (see {@link Cancellation})
 */
public record TrainingRequest(ModelSpec spec, Dataset data, String dataWhere, Dataset validation, Dataset test,
                              boolean holdOutTest,
                              Checkpoint resume, String resumeSource, Integer epochs, String dataName,
                              Path checkpointFile, int checkpointEvery, MatrixProducts compute, TrainingListener listener,
                              BooleanSupplier cancelled) {
    public TrainingRequest {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(dataWhere, "dataWhere");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(cancelled, "cancelled");
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpointEvery >= 0");
        }
    }

    /** @return a request to train {@code spec} on {@code data}, splitting off validation and test rows */
    public static TrainingRequest of(ModelSpec spec, Dataset data) {
        return new TrainingRequest(spec, data, data.source(), null, null, true, null, null, null, null, null, 0, null,
                TrainingListener.NONE, () -> false);
    }

    /** @return this request with other rows to train on (the same settings, listener and compute) */
    public TrainingRequest withData(Dataset rows) {
        return new TrainingRequest(spec, rows, dataWhere, validation, test, holdOutTest, resume, resumeSource, epochs,
                dataName, checkpointFile, checkpointEvery, compute, listener, cancelled);
    }

    public TrainingRequest withDataWhere(String where) {
        return new TrainingRequest(spec, data, where, validation, test, holdOutTest, resume, resumeSource, epochs, dataName,
                checkpointFile, checkpointEvery, compute, listener, cancelled);
    }

    public TrainingRequest withValidation(Dataset rows) {
        return new TrainingRequest(spec, data, dataWhere, rows, test, holdOutTest, resume, resumeSource, epochs, dataName,
                checkpointFile, checkpointEvery, compute, listener, cancelled);
    }

    /** @return this request with separate test rows (then none are split off {@code data} for the test) */
    public TrainingRequest withTest(Dataset rows) {
        return new TrainingRequest(spec, data, dataWhere, validation, rows, holdOutTest, resume, resumeSource, epochs,
                dataName, checkpointFile, checkpointEvery, compute, listener, cancelled);
    }

    public TrainingRequest withHoldOutTest(boolean on) {
        return new TrainingRequest(spec, data, dataWhere, validation, test, on, resume, resumeSource, epochs, dataName,
                checkpointFile, checkpointEvery, compute, listener, cancelled);
    }

    public TrainingRequest withResume(Checkpoint checkpoint, String source) {
        return new TrainingRequest(spec, data, dataWhere, validation, test, holdOutTest, checkpoint, source, epochs,
                dataName, checkpointFile, checkpointEvery, compute, listener, cancelled);
    }

    public TrainingRequest withEpochs(Integer n) {
        return new TrainingRequest(spec, data, dataWhere, validation, test, holdOutTest, resume, resumeSource, n, dataName,
                checkpointFile, checkpointEvery, compute, listener, cancelled);
    }

    public TrainingRequest withDataName(String name) {
        return new TrainingRequest(spec, data, dataWhere, validation, test, holdOutTest, resume, resumeSource, epochs, name,
                checkpointFile, checkpointEvery, compute, listener, cancelled);
    }

    public TrainingRequest withCheckpoints(Path file, int every) {
        return new TrainingRequest(spec, data, dataWhere, validation, test, holdOutTest, resume, resumeSource, epochs,
                dataName, file, every, compute, listener, cancelled);
    }

    public TrainingRequest withCompute(MatrixProducts products) {
        return new TrainingRequest(spec, data, dataWhere, validation, test, holdOutTest, resume, resumeSource, epochs,
                dataName, checkpointFile, checkpointEvery, products, listener, cancelled);
    }

    public TrainingRequest withListener(TrainingListener hears) {
        return new TrainingRequest(spec, data, dataWhere, validation, test, holdOutTest, resume, resumeSource, epochs,
                dataName, checkpointFile, checkpointEvery, compute, hears, cancelled);
    }

    public TrainingRequest withCancellation(BooleanSupplier signal) {
        return new TrainingRequest(spec, data, dataWhere, validation, test, holdOutTest, resume, resumeSource, epochs,
                dataName, checkpointFile, checkpointEvery, compute, listener, signal);
    }
}
