package dev.plugnet.core.checkpoint;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Matrix;
import dev.plugnet.core.data.Preprocessing;
import dev.plugnet.core.data.Standardizer;
import dev.plugnet.core.model.JsonObjectReader;
import dev.plugnet.core.model.JsonValues;
import dev.plugnet.core.model.ModelReader;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.model.StrictJson;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.ModelAssembler;
import dev.plugnet.core.network.NamedParameter;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;
import dev.plugnet.core.train.EpochStats;
import dev.plugnet.core.train.History;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a checkpoint written by {@link CheckpointWriter}, strictly (unknown fields and wrong types are errors
 * with the JSON path), refuses one from a newer format, and restores it into a model: it checks that the
 * plugins it names are installed (naming those that are not), assembles the config and copies the weights and
 * optimizer state in.
 */
public final class CheckpointReader {
    private static final Set<String> FIELDS = Set.of("format", "kind", "config", "plugins", "data",
            "preprocessing", "weights", "optimizer", "history");

    private final ObjectMapper mapper;
    private final ModelReader models;

    public CheckpointReader(ObjectMapper mapper, ModelReader models) {
        this.mapper = mapper;
        this.models = models;
    }

    /**
     * @throws CheckpointException if the file is missing, unreadable, malformed or from a newer format
     */
    public Checkpoint read(Path file) {
        JsonNode root;
        try {
            root = StrictJson.readTree(mapper, file);
        } catch (ConfigException e) {
            throw new CheckpointException(e.location(), e.problem());
        }
        try {
            return fromTree(root);
        } catch (ConfigException e) {
            throw new CheckpointException(file + " " + e.location(), e.problem());
        }
    }

    private Checkpoint fromTree(JsonNode node) {
        JsonObjectReader root = JsonObjectReader.of(node, "$");
        if (!CheckpointWriter.KIND.equals(root.string("kind", null))) {
            throw new ConfigException("kind", "not a plugnet checkpoint (expected \"kind\": \""
                    + CheckpointWriter.KIND + "\"); a model file is given with --config");
        }
        int format = root.requireInteger("format", 1);
        if (format > Checkpoint.FORMAT) {
            throw new ConfigException("format", "this checkpoint has format " + format + ", newer than this"
                    + " plugnet reads (up to " + Checkpoint.FORMAT + "); upgrade plugnet");
        }
        root.allowOnly(FIELDS);
        ModelSpec config = models.fromTree(root.require("config", "the model"), "config");
        List<PluginUse> plugins = new ArrayList<>();
        for (JsonObjectReader.Element e : root.requireArray("plugins", "a list of plugins")) {
            JsonObjectReader p = JsonObjectReader.of(e.node(), e.path())
                    .allowOnly(Set.of("kind", "name", "module", "version"));
            plugins.add(new PluginUse(kind(p.requireString("kind"), p.path("kind")), p.requireString("name"),
                    p.string("module", "unknown"), p.string("version", "")));
        }
        String data = root.string("data", null);
        Preprocessing preprocessing = preprocessing(root.require("preprocessing", "an object"), "preprocessing");
        JsonObjectReader w = JsonObjectReader.of(root.require("weights", "an object"), "weights");
        Map<String, Matrix> weights = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : w.node().properties()) {
            weights.put(e.getKey(), matrix(e.getValue(), w.path(e.getKey())));
        }
        JsonObjectReader o = JsonObjectReader.of(root.require("optimizer", "an object"), "optimizer")
                .allowOnly(Set.of("learning_rate", "state"));
        double learningRate = o.number("learning_rate", 0, 0, Double.MAX_VALUE);
        List<Matrix> state = new ArrayList<>();
        for (JsonObjectReader.Element e : o.requireArray("state", "a list of matrices")) {
            state.add(matrix(e.node(), e.path()));
        }
        History history = history(root.require("history", "an object"), "history");
        return new Checkpoint(config, plugins, data, preprocessing, weights, learningRate, state, history);
    }

    private static PluginKind kind(String word, String path) {
        for (PluginKind k : PluginKind.values()) {
            if (k.word().equals(word)) {
                return k;
            }
        }
        throw new ConfigException(path, "unknown plugin kind \"" + word + "\"");
    }

    private static Preprocessing preprocessing(JsonNode node, String path) {
        JsonObjectReader p = JsonObjectReader.of(node, path)
                .allowOnly(Set.of("label_column", "features", "means", "scales", "labels"));
        List<String> features = strings(p, "features");
        double[] means = numbers(p, "means");
        double[] scales = numbers(p, "scales");
        if (means.length != features.size() || scales.length != features.size()) {
            throw new ConfigException(p.path("means"), "expected one mean and one scale per feature ("
                    + features.size() + "), got " + means.length + " and " + scales.length);
        }
        return new Preprocessing(features, p.requireString("label_column"), new Standardizer(means, scales),
                strings(p, "labels"));
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
        JsonObjectReader m = JsonObjectReader.of(node, path).allowOnly(Set.of("rows", "cols", "values"));
        int rows = m.requireInteger("rows", 0);
        int cols = m.requireInteger("cols", 0);
        double[] values = numbers(m, "values");
        if ((long) rows * cols != values.length) {
            throw new ConfigException(m.path("values"), "expected " + ((long) rows * cols) + " values for ("
                    + rows + "×" + cols + "), got " + values.length);
        }
        return Matrix.wrap(rows, cols, values);
    }

    private static History history(JsonNode node, String path) {
        JsonObjectReader h = JsonObjectReader.of(node, path).allowOnly(Set.of("best_epoch", "stopped_early", "epochs"));
        List<EpochStats> epochs = new ArrayList<>();
        for (JsonObjectReader.Element e : h.requireArray("epochs", "a list of epochs")) {
            JsonObjectReader r = JsonObjectReader.of(e.node(), e.path()).allowOnly(Set.of("epoch", "train_loss",
                    "train_accuracy", "validation_loss", "validation_accuracy", "learning_rate"));
            epochs.add(new EpochStats(r.requireInteger("epoch", 1), optional(r, "train_loss"),
                    optional(r, "train_accuracy"), optional(r, "validation_loss"),
                    optional(r, "validation_accuracy"), optional(r, "learning_rate")));
        }
        return new History(epochs, h.integer("best_epoch", epochs.size(), 0), h.bool("stopped_early", false));
    }

    private static double optional(JsonObjectReader r, String field) {
        return r.has(field) ? finite(r.get(field), r.path(field)) : Double.NaN;
    }

    /**
     * Assembles the checkpoint's model with the installed plugins and copies its weights, optimizer state and
     * learning rate in.
     *
     * @param source names the checkpoint in messages
     * @throws CheckpointException if a plugin it uses is not installed (naming each one) or its weights do not
     *         fit the assembled network
     */
    public AssembledModel restore(Checkpoint checkpoint, ModelAssembler assembler, PluginRegistry registry,
                                  String source) {
        List<String> missing = new ArrayList<>();
        for (PluginUse p : checkpoint.plugins()) {
            if (p.kind() != PluginKind.SHORTCUT && registry.find(p.kind(), p.name()).isEmpty()) {
                missing.add(p.describe());
            }
        }
        if (!missing.isEmpty()) {
            throw new CheckpointException(source, "needs plugins that are not installed: "
                    + String.join(", ", missing) + "; put their jars on the module path");
        }
        AssembledModel model;
        try {
            model = assembler.assemble(checkpoint.config());
        } catch (ConfigException e) {
            throw new CheckpointException(source + " config." + e.location(), e.problem());
        }
        List<NamedParameter> params = model.network().namedParameters();
        if (!checkpoint.weights().keySet().equals(
                params.stream().map(NamedParameter::path).collect(java.util.stream.Collectors.toSet()))) {
            throw new CheckpointException(source + " weights", "expected the parameters "
                    + params.stream().map(NamedParameter::path).toList() + ", got " + checkpoint.weights().keySet());
        }
        for (NamedParameter p : params) {
            Matrix saved = checkpoint.weights().get(p.path());
            Matrix live = p.parameter().value();
            if (!saved.hasShape(live.rows(), live.cols())) {
                throw new CheckpointException(source + " weights." + p.path(), "expected " + live.shape()
                        + " for the config's network, got " + saved.shape());
            }
            live.copyFrom(saved);
        }
        List<Matrix> state = model.optimizer().state();
        if (!checkpoint.optimizerState().isEmpty()) {
            if (state.size() != checkpoint.optimizerState().size()) {
                throw new CheckpointException(source + " optimizer.state", "expected " + state.size()
                        + " matrices for optimizer \"" + checkpoint.config().optimizer().type() + "\", got "
                        + checkpoint.optimizerState().size());
            }
            for (int i = 0; i < state.size(); i++) {
                Matrix saved = checkpoint.optimizerState().get(i);
                if (!saved.hasShape(state.get(i).rows(), state.get(i).cols())) {
                    throw new CheckpointException(source + " optimizer.state[" + i + "]", "expected "
                            + state.get(i).shape() + ", got " + saved.shape());
                }
                state.get(i).copyFrom(saved);
            }
        }
        if (checkpoint.learningRate() > 0) {
            model.optimizer().learningRate(checkpoint.learningRate());
        }
        return model;
    }
}
