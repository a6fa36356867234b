package dev.plugnet.core.checkpoint;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.data.Preprocessing;
import dev.plugnet.core.model.ModelWriter;
import dev.plugnet.core.metrics.RegressionMetrics;
import dev.plugnet.core.train.EpochStats;
import dev.plugnet.core.train.History;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static dev.plugnet.core.checkpoint.CheckpointFields.*;

/**
 * Writes a {@link Checkpoint} as one JSON file, atomically ({@link AtomicFiles}). Numbers are written in
 * Java's shortest round-trip form, so every weight reads back to the same {@code double}; nothing in the file
 * depends on the time or the machine, so the same seed and data give a byte-identical file.
 *
 * <pre>{@code
 * {"format": 2, "kind": "plugnet-checkpoint",
 *  "config": {…the model file…}, "plugins": [{"kind": "layer", "name": "dense", "module": …, "version": …}],
 *  "data": "thyroid",
 *  "preprocessing": {"label_column": …, "features": […], "means": […], "scales": […], "labels": […]
 *                    (a regression adds "target_means": […], "target_scales": […]; its labels are the targets)},
 *  "weights": {"layers[0].W": {"rows": 5, "cols": 4, "values": […]}, …},
 *  "optimizer": {"learning_rate": …, "state": {"step": {"rows": …, "cols": …, "values": […]}, "m[0]": …}},
 *  "history": {"best_epoch": …, "stopped_early": …, "epochs": [{"epoch": 1, "train_loss": …, …}]},
 *      (a regression's epochs add train_mae, train_rmse, train_r2, validation_mae, validation_rmse, validation_r2)
 *  "checksum": "sha256:…"}
 * }</pre>
 *
 * The checksum ({@link CheckpointChecksum}) covers everything else, so a truncated or edited file is refused
 * when it is read.
 */
public final class CheckpointWriter {
    /** The value of the {@code kind} field that marks a checkpoint file. */
    public static final String KIND = "plugnet-checkpoint";

    private final ObjectMapper mapper;
    private final ModelWriter models;

    public CheckpointWriter(ObjectMapper mapper, ModelWriter models) {
        this.mapper = mapper;
        this.models = models;
    }

    /**
     * Writes {@code checkpoint} to {@code file}, replacing it atomically.
     *
     * @throws dev.plugnet.core.files.WriteFailedException if it cannot be written (a full disk, a read-only
     *         folder); an existing file is then unchanged and no temporary file is left
     * @throws dev.plugnet.core.files.OutputRefusedException if {@code file} exists and is not a regular file
     */
    public void write(Path file, Checkpoint checkpoint) {
        try {
            AtomicFiles.write(file, toJson(checkpoint).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw dev.plugnet.core.files.WriteFailedException.of(file.toString(), e);
        }
    }

    /**
     * Writes {@code checkpoint} to a stream (not closed), as {@link #toJson} gives it.
     *
     * @throws CheckpointException if the stream fails; {@code source} names it
     */
    public void write(OutputStream out, Checkpoint checkpoint, String source) {
        try {
            out.write(toJson(checkpoint).getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new CheckpointException(source, "cannot be written: " + AtomicFiles.reason(e), e);
        }
    }

    /** @return the checkpoint as JSON text, ending with a newline, with its checksum last */
    public String toJson(Checkpoint checkpoint) {
        return mapper.writeValueAsString(CheckpointChecksum.seal(mapper, toTree(checkpoint))) + "\n";
    }

    /** @return the checkpoint as a JSON tree, without its checksum */
    public ObjectNode toTree(Checkpoint c) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put(FORMAT, Checkpoint.FORMAT);
        root.put(CheckpointFields.KIND, KIND);
        root.set(CONFIG, models.toTree(c.config()));
        ArrayNode plugins = root.putArray(PLUGINS);
        for (PluginUse p : c.plugins()) {
            ObjectNode node = plugins.addObject();
            node.put(PLUGIN_KIND, p.kind().word());
            node.put(PLUGIN_NAME, p.name());
            node.put(PLUGIN_MODULE, p.module());
            node.put(PLUGIN_VERSION, p.version());
        }
        if (c.data() != null) {
            root.put(DATA, c.data());
        }
        root.set(PREPROCESSING, preprocessing(c.preprocessing()));
        ObjectNode weights = root.putObject(WEIGHTS);
        for (Map.Entry<String, Matrix> w : c.weights().entrySet()) {
            weights.set(w.getKey(), matrix(w.getValue()));
        }
        ObjectNode optimizer = root.putObject(OPTIMIZER);
        optimizer.put(LEARNING_RATE, c.learningRate());
        ObjectNode state = optimizer.putObject(STATE);
        c.optimizerState().forEach((name, m) -> state.set(name, matrix(m)));
        root.set(HISTORY, history(c.history()));
        return root;
    }

    private static ObjectNode preprocessing(Preprocessing p) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(LABEL_COLUMN, p.labelColumn());
        ArrayNode features = node.putArray(FEATURES);
        p.featureNames().forEach(features::add);
        ArrayNode means = node.putArray(MEANS);
        for (double v : p.standardizer().means()) {
            means.add(v);
        }
        ArrayNode scales = node.putArray(SCALES);
        for (double v : p.standardizer().scales()) {
            scales.add(v);
        }
        ArrayNode labels = node.putArray(LABELS);
        p.labelNames().forEach(labels::add);
        if (p.regression()) {
            ArrayNode targetMeans = node.putArray(TARGET_MEANS);
            for (double v : p.targets().means()) {
                targetMeans.add(v);
            }
            ArrayNode targetScales = node.putArray(TARGET_SCALES);
            for (double v : p.targets().scales()) {
                targetScales.add(v);
            }
        }
        return node;
    }

    private static ObjectNode matrix(Matrix m) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(ROWS, m.rows());
        node.put(COLS, m.cols());
        ArrayNode values = node.putArray(VALUES);
        for (double v : m.data()) {
            values.add(v);
        }
        return node;
    }

    private static ObjectNode history(History h) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(BEST_EPOCH, h.bestEpoch());
        node.put(STOPPED_EARLY, h.stoppedEarly());
        ArrayNode epochs = node.putArray(EPOCHS);
        for (EpochStats e : h.epochs()) {
            ObjectNode row = epochs.addObject();
            row.put(EPOCH, e.epoch());
            number(row, TRAIN_LOSS, e.trainLoss());
            number(row, TRAIN_ACCURACY, e.trainAccuracy());
            number(row, VALIDATION_LOSS, e.validationLoss());
            number(row, VALIDATION_ACCURACY, e.validationAccuracy());
            number(row, EPOCH_LEARNING_RATE, e.learningRate());
            errors(row, TRAIN_MAE, TRAIN_RMSE, TRAIN_R2, e.trainRegression());
            errors(row, VALIDATION_MAE, VALIDATION_RMSE, VALIDATION_R2, e.validationRegression());
        }
        return node;
    }

    /** A regression's MAE, RMSE and R² of an epoch, when it has them (a classifier's epoch has none). */
    private static void errors(ObjectNode row, String mae, String rmse, String r2, RegressionMetrics m) {
        if (m != null) {
            number(row, mae, m.mae());
            number(row, rmse, m.rmse());
            number(row, r2, m.r2());
        }
    }

    private static void number(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) {
            node.put(field, v);
        } else {
            node.putNull(field);
        }
    }
}
