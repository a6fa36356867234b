package dev.plugnet.app;

import dev.plugnet.api.ComputeBackend;
import dev.plugnet.core.train.EpochStats;
import dev.plugnet.core.train.History;
import dev.plugnet.core.train.ThroughputMeter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code train} reports when it is done, as lines for people or as JSON ({@code --json}) for scripts.
 *
 * @param model the model's name
 * @param data the data set's name
 * @param checkpoint where the checkpoint went
 * @param plot where the curves went, or {@code null}
 * @param history the whole history, earlier runs included
 * @param ran epochs this run trained
 * @param seconds wall time of the training loop
 * @param batchSize rows per minibatch
 * @param throughput the training steps' throughput
 * @param test the held-out report, or {@code null} without test rows
 * @param compute the backend the products ran on
 */
record TrainReport(String model, String data, Path checkpoint, Path plot, History history, int ran, double seconds,
                   int batchSize, ThroughputMeter.Throughput throughput, HeldOutReport test,
                   ComputeBackend compute) {

    /** Prints the report as lines. */
    void print(PrintWriter out) {
        EpochStats best = history.epochs().stream().filter(e -> e.epoch() == history.bestEpoch()).findFirst()
                .orElse(history.last());
        EpochStats last = history.last();
        out.printf(Locale.ROOT, "trained %d epoch%s in %.2f s%s; kept the weights of epoch %d (%s)%n", ran,
                ran == 1 ? "" : "s", seconds, history.stoppedEarly() && last != null
                        ? ", stopped early after epoch " + last.epoch() + " (" + (last.epoch() - history.bestEpoch())
                        + " epochs without improvement)" : "",
                history.bestEpoch(), best == null ? "-" : ProgressPrinter.figures(best, false));
        ThroughputMeter.Throughput tp = throughput;
        out.printf(Locale.ROOT, "throughput: %,.0f samples/s (%d steps of up to %d rows, %.2f s in training"
                        + " steps%s)%n", tp.samplesPerSecond(), tp.steps(), batchSize, tp.seconds(),
                tp.bytesPerStep() < 0 ? "" : String.format(Locale.ROOT, ", %.0f bytes allocated per step",
                        tp.bytesPerStep()));
        out.printf(Locale.ROOT, "compute: %s, %d thread%s (%s)%n", compute.name(), compute.threads(),
                compute.threads() == 1 ? "" : "s", compute.describe());
        if (test != null) {
            test.print(out);
        } else {
            out.println("held-out test: none (test fraction 0)");
        }
        out.printf(Locale.ROOT, "checkpoint: %s%n", checkpoint);
        if (plot != null) {
            out.printf(Locale.ROOT, "plot: %s%n", plot);
        }
    }

    /** A regression's MAE, RMSE and R² of an epoch as {@code PREFIX_mae} and so on, where it has them. */
    private static void errors(ObjectNode row, String prefix, dev.plugnet.core.metrics.RegressionMetrics m) {
        if (m == null) {
            return;
        }
        put(row, prefix + "_mae", m.mae());
        put(row, prefix + "_rmse", m.rmse());
        put(row, prefix + "_r2", m.r2());
    }

    private static void put(ObjectNode row, String field, double v) {
        if (Double.isFinite(v)) {
            row.put(field, v);
        }
    }

    /** @return the report as a JSON object */
    ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("model", model);
        root.put("data", data);
        root.put("checkpoint", checkpoint.toString());
        root.put("epochs_run", ran);
        root.put("best_epoch", history.bestEpoch());
        root.put("stopped_early", history.stoppedEarly());
        root.put("last_epoch", history.last() == null ? 0 : history.last().epoch());
        root.put("seconds", seconds);
        ObjectNode tp = root.putObject("throughput");
        tp.put("samples_per_second", throughput.samplesPerSecond());
        tp.put("steps", throughput.steps());
        tp.put("samples", throughput.samples());
        tp.put("step_seconds", throughput.seconds());
        if (throughput.bytesPerStep() >= 0) {
            tp.put("bytes_per_step", throughput.bytesPerStep());
        }
        ObjectNode c = root.putObject("compute");
        c.put("backend", compute.name());
        c.put("threads", compute.threads());
        c.put("runs", compute.describe());
        if (test != null) {
            root.set("test", test.toJson());
        } else {
            root.putNull("test");
        }
        ArrayNode epochs = root.putArray("history");
        for (EpochStats e : history.epochs()) {
            ObjectNode row = epochs.addObject();
            row.put("epoch", e.epoch());
            row.put("train_loss", e.trainLoss());
            if (!Double.isNaN(e.trainAccuracy())) {
                row.put("train_accuracy", e.trainAccuracy());
            }
            if (!Double.isNaN(e.validationLoss())) {
                row.put("validation_loss", e.validationLoss());
                if (!Double.isNaN(e.validationAccuracy())) {
                    row.put("validation_accuracy", e.validationAccuracy());
                }
            }
            errors(row, "train", e.trainRegression());
            errors(row, "validation", e.validationRegression());
            row.put("learning_rate", e.learningRate());
        }
        return root;
    }
}
