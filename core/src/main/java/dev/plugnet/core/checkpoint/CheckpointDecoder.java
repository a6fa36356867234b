package dev.plugnet.core.checkpoint;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Matrix;
import dev.plugnet.core.data.Preprocessing;
import dev.plugnet.core.data.Standardizer;
import dev.plugnet.core.json.JsonObjectReader;
import dev.plugnet.core.json.JsonValues;
import dev.plugnet.core.model.ModelReader;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.metrics.RegressionMetrics;
import dev.plugnet.core.train.EpochStats;
import dev.plugnet.core.train.History;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.plugnet.core.checkpoint.CheckpointFields.*;

/**
 * Decodes a recognised checkpoint's JSON into a {@link Checkpoint}, strictly: unknown fields, wrong types and
 * non-finite numbers are {@link ConfigException}s with their JSON path. The meaning of the values is checked
 * afterwards, by {@link CheckpointValidator}.
 */
final class CheckpointDecoder {
    private final ModelReader models;
    private final boolean optimizerState;

    /** @param optimizerState whether to decode the optimizer's state (not for inference) */
    CheckpointDecoder(ModelReader models, boolean optimizerState) {
        this.models = models;
        this.optimizerState = optimizerState;
    }

    Checkpoint decode(JsonObjectReader root) {
        ModelSpec config = models.fromTree(root.require(CONFIG, "the model"), CONFIG);
        List<PluginUse> plugins = new ArrayList<>();
        for (JsonObjectReader.Element e : root.requireArray(PLUGINS, "a list of plugins")) {
            JsonObjectReader p = JsonObjectReader.of(e.node(), e.path()).allowOnly(PLUGIN);
            plugins.add(new PluginUse(kind(p.requireString(PLUGIN_KIND), p.path(PLUGIN_KIND)),
                    p.requireString(PLUGIN_NAME), p.string(PLUGIN_MODULE, "unknown"), p.string(PLUGIN_VERSION, "")));
        }
        String data = root.string(DATA, null);
        Preprocessing preprocessing = preprocessing(root.require(PREPROCESSING, "an object"), PREPROCESSING);
        JsonObjectReader w = JsonObjectReader.of(root.require(WEIGHTS, "an object"), WEIGHTS);
        Map<String, Matrix> weights = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : w.node().properties()) {
            weights.put(e.getKey(), matrix(e.getValue(), w.path(e.getKey())));
        }
        JsonObjectReader o = JsonObjectReader.of(root.require(OPTIMIZER, "an object"), OPTIMIZER)
                .allowOnly(OPTIMIZER_FIELDS);
        double learningRate = o.number(LEARNING_RATE, 0, 0, Double.MAX_VALUE);
        Map<String, Matrix> state = new LinkedHashMap<>();
        JsonNode stateNode = o.require(STATE, "an object of named matrices");
        if (!optimizerState) {
            if (!stateNode.isArray()) {
                JsonObjectReader.of(stateNode, o.path(STATE)); // an object, not decoded: inference needs no state
            }
        } else if (stateNode.isArray()) { // written before entries had names: their positions are their names
            int i = 0;
            for (JsonObjectReader.Element e : o.requireArray(STATE, "a list of matrices")) {
                state.put(String.valueOf(i++), matrix(e.node(), e.path()));
            }
        } else {
            JsonObjectReader named = JsonObjectReader.of(stateNode, o.path(STATE));
            for (Map.Entry<String, JsonNode> e : named.node().properties()) {
                state.put(e.getKey(), matrix(e.getValue(), named.path(e.getKey())));
            }
        }
        History history = history(root.require(HISTORY, "an object"), HISTORY);
        return new Checkpoint(config, plugins, data, preprocessing, weights, learningRate, state, history);
    }

    private static PluginKind kind(String word, String path) {
        for (PluginKind k : PluginKind.values()) {
            if (k.word().equals(word)) {
                return k;
            }
        }
        throw new ConfigException(path, "unknown plugin kind " + dev.plugnet.core.text.Printable.quoted(word));
    }

    private static Preprocessing preprocessing(JsonNode node, String path) {
        JsonObjectReader p = JsonObjectReader.of(node, path).allowOnly(PREPROCESSING_FIELDS);
        List<String> features = strings(p, FEATURES);
        double[] means = numbers(p, MEANS);
        double[] scales = numbers(p, SCALES);
        if (means.length != features.size() || scales.length != features.size()) {
            throw new ConfigException(p.path(MEANS), "expected one mean and one scale per feature ("
                    + features.size() + "), got " + means.length + " and " + scales.length);
        }
        CheckpointValidator.unique(p, FEATURES, features, "feature");
        CheckpointValidator.standardisation(p, MEANS, SCALES, features, means, scales);
        List<String> labels = strings(p, LABELS);
        CheckpointValidator.unique(p, LABELS, labels, "class");
        Standardizer targets = null;
        if (p.has(TARGET_MEANS) || p.has(TARGET_SCALES)) { // a regression: its labels are the targets
            double[] targetMeans = numbers(p, TARGET_MEANS);
            double[] targetScales = numbers(p, TARGET_SCALES);
            if (targetMeans.length != labels.size() || targetScales.length != labels.size()) {
                throw new ConfigException(p.path(TARGET_MEANS), "expected one mean and one scale per target ("
                        + labels.size() + "), got " + targetMeans.length + " and " + targetScales.length);
            }
            CheckpointValidator.standardisation(p, TARGET_MEANS, TARGET_SCALES, labels, targetMeans, targetScales);
            targets = new Standardizer(targetMeans, targetScales);
        }
        return new Preprocessing(features, p.requireString(LABEL_COLUMN), new Standardizer(means, scales), labels,
                targets);
    }

    private static List<String> strings(JsonObjectReader o, String field) {
        List<String> out = new ArrayList<>();
        for (JsonObjectReader.Element e : o.requireArray(field, "a list of strings")) {
            if (!e.node().isString()) {
                throw new ConfigException(e.path(), "expected a string, got " + JsonValues.describe(e.node()));
            }
            out.add(e.node().stringValue());
        }
        return out;
    }

    private static double[] numbers(JsonObjectReader o, String field) {
        List<JsonObjectReader.Element> elements = o.requireArray(field, "a list of numbers");
        double[] out = new double[elements.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = finite(elements.get(i).node(), elements.get(i).path());
        }
        return out;
    }

    private static double finite(JsonNode v, String path) {
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new ConfigException(path, "expected a finite number, got " + JsonValues.describe(v));
        }
        return v.doubleValue();
    }

    private static Matrix matrix(JsonNode node, String path) {
        JsonObjectReader m = JsonObjectReader.of(node, path).allowOnly(MATRIX);
        int rows = m.requireInteger(ROWS, 0);
        int cols = m.requireInteger(COLS, 0);
        double[] values = numbers(m, VALUES);
        if ((long) rows * cols != values.length) {
            throw new ConfigException(m.path(VALUES), "expected " + ((long) rows * cols) + " values for ("
                    + rows + "×" + cols + "), got " + values.length);
        }
        return Matrix.wrap(rows, cols, values);
    }

    private static History history(JsonNode node, String path) {
        JsonObjectReader h = JsonObjectReader.of(node, path).allowOnly(HISTORY_FIELDS);
        List<EpochStats> epochs = new ArrayList<>();
        int previous = 0;
        for (JsonObjectReader.Element e : h.requireArray(EPOCHS, "a list of epochs")) {
            JsonObjectReader r = JsonObjectReader.of(e.node(), e.path()).allowOnly(EPOCH_FIELDS);
            int epoch = r.requireInteger(EPOCH, 1);
            if (previous == 0 ? epoch != 1 : epoch <= previous) {
                throw new ConfigException(r.path(EPOCH), previous == 0
                        ? "expected the first epoch, 1, got " + epoch + " (a history always keeps epoch 1)"
                        : "expected an epoch after " + previous + " (epochs are kept in order, each once), got "
                        + epoch);
            }
            previous = epoch;
            epochs.add(new EpochStats(epoch, optional(r, TRAIN_LOSS),
                    optional(r, TRAIN_ACCURACY), optional(r, VALIDATION_LOSS),
                    optional(r, VALIDATION_ACCURACY), optional(r, EPOCH_LEARNING_RATE),
                    errors(r, TRAIN_MAE, TRAIN_RMSE, TRAIN_R2), errors(r, VALIDATION_MAE, VALIDATION_RMSE,
                    VALIDATION_R2)));
        }
        int best = h.integer(BEST_EPOCH, previous, 0);
        if (best > 0 && epochs.stream().noneMatch(e -> e.epoch() == best)) {
            throw new ConfigException(h.path(BEST_EPOCH), "expected one of the epochs in history.epochs (the"
                    + " best epoch is always kept), got " + best);
        }
        return new History(epochs, best, h.bool(STOPPED_EARLY, false));
    }

    /** @return a regression's MAE, RMSE and R² of an epoch, or {@code null} when the entry has none */
    private static RegressionMetrics errors(JsonObjectReader r, String mae, String rmse, String r2) {
        if (!r.has(mae) && !r.has(rmse) && !r.has(r2)) {
            return null;
        }
        return new RegressionMetrics(optional(r, mae), optional(r, rmse), optional(r, r2), 0);
    }

    private static double optional(JsonObjectReader r, String field) {
        return r.has(field) ? finite(r.get(field), r.path(field)) : Double.NaN;
    }
}
