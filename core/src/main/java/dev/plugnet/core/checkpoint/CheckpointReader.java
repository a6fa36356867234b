package dev.plugnet.core.checkpoint;

import dev.plugnet.core.text.StrictUtf8;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.MatrixProducts;
import dev.plugnet.core.data.Preprocessing;
import dev.plugnet.core.data.Standardizer;
import dev.plugnet.core.json.JsonObjectReader;
import dev.plugnet.core.json.JsonValues;
import dev.plugnet.core.json.StrictJson;
import dev.plugnet.core.model.ModelReader;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.ModelAssembler;
import dev.plugnet.core.network.ModelState;
import dev.plugnet.core.network.Network;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;
import dev.plugnet.core.train.EpochStats;
import dev.plugnet.core.train.History;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
            "preprocessing", "weights", "optimizer", "history", CheckpointChecksum.FIELD);

    private final ObjectMapper mapper;
    private final ModelReader models;
    private final boolean optimizerState;

    public CheckpointReader(ObjectMapper mapper, ModelReader models) {
        this(mapper, models, true);
    }

    private CheckpointReader(ObjectMapper mapper, ModelReader models, boolean optimizerState) {
        this.mapper = mapper;
        this.models = models;
        this.optimizerState = optimizerState;
    }

    /**
     * @return a reader for inference: it checks everything, the checksum over the whole file included, but does not
     *         decode the optimizer's state (its checkpoints have none, so restoring them for training would start
     *         the optimizer afresh)
     */
    public CheckpointReader forInference() {
        return new CheckpointReader(mapper, models, false);
    }

    /**
     * Reads and checks a checkpoint file. Each way a file can fail to be a checkpoint has its own message
     * naming the file and where: empty, not UTF-8 text, not JSON, truncated (the JSON ends early), malformed,
     * JSON that is not a checkpoint (a model config is named as such), a newer format, a missing checksum, a
     * checksum that does not match the contents (edited or damaged), and then any field by its JSON path.
     *
     * @throws CheckpointException if the file cannot be used as a checkpoint
     */
    public Checkpoint read(Path file) {
        return decode(bytesOf(file), file.toString());
    }

    /**
     * Reads and checks a checkpoint from a stream (read to its end, not closed), with the same checks and messages
     * as {@link #read(Path)}.
     *
     * @param source names the stream in messages
     * @throws CheckpointException if the stream cannot be read or does not hold a checkpoint
     */
    public Checkpoint read(InputStream in, String source) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new CheckpointException(source, "cannot be read: " + e.getMessage(), e);
        }
        return decode(bytes, source);
    }

    /**
     * Reads and checks a checkpoint held as text, with the same checks and messages as {@link #read(Path)}.
     *
     * @param source names the text in messages
     * @throws CheckpointException if the text is not a checkpoint
     */
    public Checkpoint readText(String text, String source) {
        return decode(text.getBytes(StandardCharsets.UTF_8), source);
    }

    private Checkpoint decode(byte[] bytes, String source) {
        JsonNode root = parse(bytes, source);
        try {
            return fromTree(root);
        } catch (ConfigException e) {
            throw new CheckpointException(source + " " + e.location(), e.problem());
        }
    }

    private static byte[] bytesOf(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new CheckpointException(file.toString(), Files.isDirectory(file)
                    ? "is a folder, not a checkpoint file" : "cannot be read: " + e.getMessage());
        }
    }

    /** @return the JSON tree of a checkpoint's bytes, or a {@link CheckpointException} saying why there is none */
    private JsonNode parse(byte[] bytes, String file) {
        if (bytes.length == 0) {
            throw new CheckpointException(file.toString(), "is empty (0 bytes): not a checkpoint, or one cut short");
        }
        String text = utf8(file, bytes);
        String start = text.stripLeading();
        if (start.isEmpty()) {
            throw new CheckpointException(file.toString(), "holds only white space: not a checkpoint");
        }
        char first = start.charAt(0);
        if (first != '{' && first != '[') {
            throw new CheckpointException(file + " line 1", "not a plugnet checkpoint: not JSON (it starts with "
                    + printable(start) + ")");
        }
        try {
            return mapper.readTree(text);
        } catch (JacksonException e) {
            if (!(e instanceof UnexpectedEndOfInputException)
                    && !String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
                throw malformed(file, text);
            }
            TokenStreamLocation at = e.getLocation();
            throw new CheckpointException(file + (at == null ? "" : " line " + at.getLineNr() + ", column "
                    + at.getColumnNr()), "truncated: the JSON ends before the checkpoint does (the file was cut"
                    + " short)");
        }
    }

    /** @return the strict reader's located message for text that is not well-formed JSON */
    private CheckpointException malformed(String file, String text) {
        try {
            StrictJson.readTree(mapper, text);
        } catch (ConfigException c) {
            return new CheckpointException(file + " " + c.location(), c.problem());
        }
        return new CheckpointException(file.toString(), "malformed JSON");
    }

    private static String utf8(String file, byte[] bytes) {
        StrictUtf8.Decoded decoded = StrictUtf8.decode(bytes);
        if (!decoded.ok()) {
            throw new CheckpointException(file + " byte " + (decoded.badByte() + 1), "not a plugnet checkpoint: not"
                    + " UTF-8 text (a binary or foreign file)");
        }
        return decoded.text();
    }

    private static String printable(String text) {
        StringBuilder sb = new StringBuilder("\"");
        text.codePoints().limit(12).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append(text.length() > 12 ? "…\"" : "\"").toString();
    }

    private Checkpoint fromTree(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new ConfigException("$", "not a plugnet checkpoint: the file holds " + JsonValues.describe(node)
                    + ", not an object with \"kind\": \"" + CheckpointWriter.KIND + "\"");
        }
        JsonObjectReader root = JsonObjectReader.of(node, "$");
        if (!root.has("kind") && (node.has("layers") || node.has("inputs"))) {
            throw new ConfigException("$", "not a checkpoint but a model config (it has \"layers\" and no"
                    + " \"kind\": \"" + CheckpointWriter.KIND + "\"); a model file is given with --config");
        }
        if (!CheckpointWriter.KIND.equals(root.has("kind") && root.get("kind").isString()
                ? root.get("kind").stringValue() : null)) {
            throw new ConfigException("kind", "not a plugnet checkpoint (expected \"kind\": \""
                    + CheckpointWriter.KIND + "\", got " + JsonValues.describe(node.get("kind")) + ")");
        }
        int format = root.requireInteger("format", 1);
        if (format > Checkpoint.FORMAT) {
            throw new ConfigException("format", "this checkpoint has format " + format + ", newer than this"
                    + " plugnet reads (up to " + Checkpoint.FORMAT + "); upgrade plugnet");
        }
        if (format >= 2) {
            verifyChecksum(root);
        } else if (root.has(CheckpointChecksum.FIELD)) {
            throw new ConfigException(CheckpointChecksum.FIELD, "a format-1 checkpoint has no checksum; this file"
                    + " was edited");
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
        Map<String, Matrix> state = new LinkedHashMap<>();
        JsonNode stateNode = o.require("state", "an object of named matrices");
        if (!optimizerState) {
            if (!stateNode.isArray()) {
                JsonObjectReader.of(stateNode, o.path("state")); // an object, not decoded: inference needs no state
            }
        } else if (stateNode.isArray()) {
            int i = 0;
            for (JsonObjectReader.Element e : o.requireArray("state", "a list of matrices")) {
                state.put(String.valueOf(i++), matrix(e.node(), e.path()));
            }
        } else {
            JsonObjectReader named = JsonObjectReader.of(stateNode, o.path("state"));
            for (Map.Entry<String, JsonNode> e : named.node().properties()) {
                state.put(e.getKey(), matrix(e.getValue(), named.path(e.getKey())));
            }
        }
        History history = history(root.require("history", "an object"), "history");
        return new Checkpoint(config, plugins, data, preprocessing, weights, learningRate, state, history);
    }

    private void verifyChecksum(JsonObjectReader root) {
        if (!root.has(CheckpointChecksum.FIELD)) {
            throw new ConfigException(CheckpointChecksum.FIELD, "missing: a format-2 checkpoint ends with"
                    + " \"checksum\": \"sha256:…\"; the file was cut or edited");
        }
        JsonNode written = root.get(CheckpointChecksum.FIELD);
        String actual = CheckpointChecksum.of(mapper, root.node());
        if (!written.isString() || !written.stringValue().startsWith(CheckpointChecksum.PREFIX)) {
            throw new ConfigException(CheckpointChecksum.FIELD, "expected \"sha256:\" and 64 hex digits, got "
                    + JsonValues.describe(written));
        }
        if (!written.stringValue().equals(actual)) {
            throw new ConfigException(CheckpointChecksum.FIELD, "does not match the contents: the file was"
                    + " edited or damaged after plugnet wrote it (it says " + abbreviated(written.stringValue())
                    + ", the contents give " + abbreviated(actual) + ")");
        }
    }

    private static String abbreviated(String checksum) {
        return checksum.length() > 19 ? checksum.substring(0, 19) + "…" : checksum;
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
                .allowOnly(Set.of("label_column", "features", "means", "scales", "labels", "target_means",
                        "target_scales"));
        List<String> features = strings(p, "features");
        double[] means = numbers(p, "means");
        double[] scales = numbers(p, "scales");
        if (means.length != features.size() || scales.length != features.size()) {
            throw new ConfigException(p.path("means"), "expected one mean and one scale per feature ("
                    + features.size() + "), got " + means.length + " and " + scales.length);
        }
        List<String> labels = strings(p, "labels");
        Standardizer targets = null;
        if (p.has("target_means") || p.has("target_scales")) {
            double[] targetMeans = numbers(p, "target_means");
            double[] targetScales = numbers(p, "target_scales");
            if (targetMeans.length != labels.size() || targetScales.length != labels.size()) {
                throw new ConfigException(p.path("target_means"), "expected one mean and one scale per target ("
                        + labels.size() + "), got " + targetMeans.length + " and " + targetScales.length);
            }
            targets = new Standardizer(targetMeans, targetScales);
        }
        return new Preprocessing(features, p.requireString("label_column"), new Standardizer(means, scales),
                labels, targets);
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
        requireInstalled(checkpoint, registry, source, true);
        AssembledModel model;
        try {
            model = assembler.assemble(checkpoint.config());
        } catch (ConfigException e) {
            throw new CheckpointException(source + " config." + e.location(), e.problem());
        }
        try {
            ModelState.of(checkpoint.weights(), checkpoint.optimizerState(), checkpoint.learningRate())
                    .restoreInto(model);
        } catch (ConfigException e) {
            throw new CheckpointException(source + " " + e.location(), e.problem());
        }
        return model;
    }

    /**
     * Assembles the checkpoint's network alone, for inference, and copies its weights in: the optimizer's plugin
     * need not be installed and no optimizer state is made.
     *
     * @param compute where the network's products run, or {@code null} for the model's compute choice
     * @param source names the checkpoint in messages
     * @throws CheckpointException if a layer, activation or loss plugin it uses is not installed (naming each one)
     *         or its weights do not fit the assembled network
     */
    public Network restoreNetwork(Checkpoint checkpoint, ModelAssembler assembler, PluginRegistry registry,
                                  MatrixProducts compute, String source) {
        requireInstalled(checkpoint, registry, source, false);
        Network network;
        try {
            network = compute == null ? assembler.network(checkpoint.config())
                    : assembler.network(checkpoint.config(), compute);
        } catch (ConfigException e) {
            throw new CheckpointException(source + " config." + e.location(), e.problem());
        }
        try {
            ModelState.of(checkpoint.weights(), Map.of(), 0).restoreWeightsInto(network);
        } catch (ConfigException e) {
            throw new CheckpointException(source + " " + e.location(), e.problem());
        }
        return network;
    }

    private static void requireInstalled(Checkpoint checkpoint, PluginRegistry registry, String source,
                                         boolean training) {
        List<String> missing = new ArrayList<>();
        for (PluginUse p : checkpoint.plugins()) {
            if (p.kind() != PluginKind.SHORTCUT && (training || p.kind() != PluginKind.OPTIMIZER)
                    && registry.find(p.kind(), p.name()).isEmpty()) {
                missing.add(p.describe());
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingPluginsException(source, missing);
        }
    }

    /**
     * @return one sentence for each plugin the checkpoint uses whose installed version differs from the one it
     *         was written with (both versions known), naming both versions
     */
    public static List<String> versionChanges(Checkpoint checkpoint, PluginRegistry registry, String source) {
        List<String> changes = new ArrayList<>();
        for (PluginUse p : checkpoint.plugins()) {
            registry.find(p.kind(), p.name()).ifPresent(installed -> {
                if (!p.version().isEmpty() && !installed.version().isEmpty()
                        && !p.version().equals(installed.version())) {
                    changes.add(source + " was written with " + p.kind().word() + " \"" + p.name() + "\" " + p.version()
                            + " (module " + p.module() + "); installed is " + installed.version() + " (module "
                            + installed.module() + ", " + installed.origin() + "): results may differ");
                }
            });
        }
        return changes;
    }
}
