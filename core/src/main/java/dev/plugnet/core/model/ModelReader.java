package dev.plugnet.core.model;

import dev.plugnet.api.ApiVersion;
import dev.plugnet.api.ConfigException;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.OptionType;
import dev.plugnet.core.json.JsonObjectReader;
import dev.plugnet.core.json.JsonValues;
import dev.plugnet.core.json.StrictJson;
import dev.plugnet.core.text.TextFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON model format strictly into a {@link ModelSpec}: unknown fields, wrong types and malformed JSON
 * are {@link ConfigException}s that name the JSON path (or line and column). Plugin names are kept as names;
 * they resolve against installed plugins only when the model is assembled, never as Java classes.
 */
public final class ModelReader {
    static final Set<String> MODEL_FIELDS = Set.of("format", "name", "description", "inputs", "layers", "loss",
            "optimizer", "shortcuts", "seed", "training");
    static final Set<String> TRAINING_FIELDS = Set.of("epochs", "batch_size", "validation_fraction",
            "test_fraction", "patience", "schedule", "label", "monitor", "min_delta", "classes", "positive_class", "class_weights",
            "compute", "features", "ignore");
    static final Set<String> SCHEDULE_FIELDS = Set.of("type", "every", "factor", "min_rate");

    private final ObjectMapper mapper;
    private final ModelLimits limits;

    /** @param mapper a strict mapper, as {@link StrictJson#mapper()} builds */
    public ModelReader(ObjectMapper mapper) {
        this(mapper, ModelLimits.DEFAULTS);
    }

    /**
     * @param mapper a strict mapper, as {@link StrictJson#mapper(int)} builds
     * @param limits the limits on size and layer count
     */
    public ModelReader(ObjectMapper mapper, ModelLimits limits) {
        this.mapper = mapper;
        this.limits = limits;
    }

    /**
     * @param file a model file
     * @throws ConfigException if it cannot be read, is larger than the limit (checked before reading), or is not
     *         a valid model; the location names the file
     */
    public ModelSpec read(Path file) {
        String text;
        try {
            text = TextFile.read(file, limits.maxConfigBytes(), "model file", "plugnet.max-config-bytes");
        } catch (TextFile.Unreadable e) {
            throw new ConfigException(e.location(), e.problem());
        }
        JsonNode tree;
        try {
            tree = StrictJson.readTree(mapper, text);
        } catch (ConfigException e) {
            throw new ConfigException(file + " " + e.location(), e.problem());
        }
        try {
            return fromTree(tree, "$");
        } catch (ConfigException e) {
            ConfigException quoted = dev.plugnet.core.json.RawNumbers.quoted(e, mapper.tokenStreamFactory(), text);
            throw new ConfigException(file + " " + quoted.location(), quoted.problem());
        }
    }

    /** Reads a model from JSON text. */
    public ModelSpec read(String json) {
        if (json.length() > limits.maxConfigBytes()) {
            throw new ConfigException("$", tooLarge(json.length()));
        }
        return fromTree(StrictJson.readTree(mapper, json), "$");
    }

    private String tooLarge(long size) {
        return String.format(java.util.Locale.ROOT, "the model file is %,d bytes; the limit is %,d"
                + " (raise it with -Dplugnet.max-config-bytes=N)", size, limits.maxConfigBytes());
    }

    /**
     * Reads a model from a JSON tree, for example a checkpoint's {@code config} section.
     *
     * @param root the model object
     * @param path its JSON path, to prefix messages
     */
    public ModelSpec fromTree(JsonNode root, String path) {
        JsonObjectReader model = JsonObjectReader.of(root, path).allowOnly(MODEL_FIELDS);
        int format = model.integer("format", ApiVersion.MODEL_FORMAT, 1);
        if (format > ApiVersion.MODEL_FORMAT) {
            throw new ConfigException(model.path("format"), "this file has format " + format
                    + ", newer than this plugnet reads (up to " + ApiVersion.MODEL_FORMAT + "); upgrade plugnet");
        }
        String name = model.string("name", "model");
        String description = model.string("description", null);
        int inputs = !model.has("inputs") || isAuto(model.get("inputs")) ? ModelSpec.AUTO
                : model.requireInteger("inputs", 1);
        if (inputs > limits.maxWidth()) {
            throw new ConfigException(model.path("inputs"), "expected at most " + limits.maxWidth()
                    + " (raise it with -Dplugnet.max-width=N), got " + inputs);
        }
        List<JsonObjectReader.Element> layerNodes = model.requireArray("layers", "a list of layers");
        if (layerNodes.isEmpty()) {
            throw new ConfigException(model.path("layers"), "expected at least one layer, got an empty list");
        }
        if (layerNodes.size() > limits.maxLayers()) {
            throw new ConfigException(model.path("layers"), "the model has " + layerNodes.size()
                    + " layers; the limit is " + limits.maxLayers() + " (raise it with -Dplugnet.max-layers=N)");
        }
        List<LayerSpec> layers = layerNodes.stream().map(e -> layer(e.node(), e.path())).toList();
        ComponentSpec loss = component(model.require("loss", "a loss plugin: a name or {\"type\": name, options…}"),
                model.path("loss"));
        ComponentSpec optimizer = model.has("optimizer")
                ? component(model.get("optimizer"), model.path("optimizer")) : null;
        boolean shortcuts = model.bool("shortcuts", true);
        long seed = model.longValue("seed", 42L);
        TrainingSpec training = model.has("training")
                ? training(model.get("training"), model.path("training")) : TrainingSpec.DEFAULTS;
        return new ModelSpec(format, name, description, inputs, layers, loss, optimizer, shortcuts, seed, training);
    }

    private static boolean isAuto(JsonNode node) {
        return node.isString() && node.stringValue().equals(ModelSpec.AUTO_NAME);
    }

    private static LayerSpec layer(JsonNode node, String path) {
        JsonObjectReader layer = JsonObjectReader.of(node, path);
        String type = layer.requireString("type");
        ComponentSpec activation = layer.has("activation")
                ? component(layer.get("activation"), layer.path("activation")) : null;
        Map<String, Object> options = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getKey().equals("type") && !e.getKey().equals("activation")) {
                options.put(e.getKey(), JsonValues.toPlain(e.getValue(), layer.path(e.getKey())));
            }
        }
        return new LayerSpec(type, options, activation);
    }

    /** Reads {@code "name"} or {@code {"type": "name", …options}}. */
    static ComponentSpec component(JsonNode node, String path) {
        if (node.isString()) {
            return ComponentSpec.named(node.stringValue());
        }
        if (!node.isObject()) {
            throw new ConfigException(path, "expected a plugin name or an object with \"type\", got "
                    + JsonValues.describe(node));
        }
        JsonObjectReader object = JsonObjectReader.of(node, path);
        String type = object.requireString("type");
        Map<String, Object> options = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getKey().equals("type")) {
                options.put(e.getKey(), JsonValues.toPlain(e.getValue(), object.path(e.getKey())));
            }
        }
        return new ComponentSpec(type, options);
    }

    private static TrainingSpec training(JsonNode node, String path) {
        JsonObjectReader t = JsonObjectReader.of(node, path).allowOnly(TRAINING_FIELDS);
        TrainingSpec d = TrainingSpec.DEFAULTS;
        double validation = t.number("validation_fraction", d.validationFraction(), 0.0, TrainingSpec.MAX_FRACTION);
        double test = t.number("test_fraction", d.testFraction(), 0.0, TrainingSpec.MAX_FRACTION);
        if (validation + test >= TrainingSpec.MAX_HELD_OUT) {
            throw new ConfigException(t.path("test_fraction"), "validation_fraction + test_fraction must leave rows"
                    + " to train on (below " + TrainingSpec.MAX_HELD_OUT + "), got " + (validation + test));
        }
        ScheduleSpec schedule = t.has("schedule") ? schedule(t.get("schedule"), t.path("schedule")) : null;
        String monitor = t.string("monitor", d.monitor());
        if (!TrainingSpec.MONITORS.contains(monitor)) {
            throw new ConfigException(t.path("monitor"), "expected " + Monitor.CHOICES + ", got \"" + monitor
                    + "\"");
        }
        List<String> classes = t.has("classes") ? classes(t.get("classes"), t.path("classes")) : null;
        String positive = t.string("positive_class", null);
        if (positive != null && classes != null && !classes.contains(positive)) {
            throw new ConfigException(t.path("positive_class"), "\"" + positive + "\" is not one of the classes"
                    + " listed in \"classes\"");
        }
        return new TrainingSpec(t.integer("epochs", d.epochs(), 1), t.integer("batch_size", d.batchSize(), 1),
                validation, test, t.integer("patience", d.patience(), 0), schedule, t.string("label", null),
                monitor, t.number("min_delta", d.minDelta(), 0.0, Double.MAX_VALUE), classes, positive,
                t.has("class_weights") ? classWeights(t.get("class_weights"), t.path("class_weights")) : null,
                computeName(t),
                t.has("features") ? columnNames(t.get("features"), t.path("features")) : null,
                t.has("ignore") ? columnNames(t.get("ignore"), t.path("ignore")) : List.of());
    }

    /** @return the {@code compute} choice, checked for its form (whether it is installed is checked on use) */
    private static String computeName(JsonObjectReader t) {
        String name = t.string("compute", null);
        if (name != null && !name.matches("[a-z][a-z0-9_]*")) {
            throw new ConfigException(t.path("compute"), "expected \"auto\" or a compute backend's name (lower case"
                    + " letters, digits and underscores), got \"" + name + "\"");
        }
        return name;
    }

    private static List<String> columnNames(JsonNode node, String path) {
        if (!node.isArray() || node.isEmpty()) {
            throw new ConfigException(path, "expected a non-empty list of column names, got " + JsonValues.describe(node));
        }
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode n = node.get(i);
            if (!n.isString()) {
                throw new ConfigException(path + "[" + i + "]", "expected a column name, got " + JsonValues.describe(n));
            }
            names.add(n.stringValue());
        }
        return names;
    }

    private static ClassWeightsSpec classWeights(JsonNode node, String path) {
        if (node.isString() && node.stringValue().equals("balanced")) {
            return ClassWeightsSpec.BALANCED;
        }
        if (!node.isObject()) {
            throw new ConfigException(path, "expected \"balanced\" or an object of class name to weight, got "
                    + JsonValues.describe(node));
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            String at = path + "." + e.getKey();
            if (!v.isNumber() || !(v.doubleValue() >= 0) || !Double.isFinite(v.doubleValue())) {
                throw new ConfigException(at, "expected a non-negative weight, got " + JsonValues.describe(v));
            }
            weights.put(e.getKey(), v.doubleValue());
        }
        if (weights.isEmpty()) {
            throw new ConfigException(path, "expected at least one class's weight (or \"balanced\"), got {}");
        }
        return new ClassWeightsSpec(false, weights);
    }

    private static List<String> classes(JsonNode node, String path) {
        if (!node.isArray()) {
            throw new ConfigException(path, "expected a list of class names, got " + JsonValues.describe(node));
        }
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode n = node.get(i);
            String name = n.isString() ? n.stringValue() : n.isIntegralNumber() ? n.asString() : null;
            if (name == null || name.isEmpty()) {
                throw new ConfigException(path + "[" + i + "]", "expected a class name (a string or an integer), got "
                        + JsonValues.describe(n));
            }
            if (names.contains(name)) {
                throw new ConfigException(path + "[" + i + "]", "the class \"" + name + "\" is listed twice");
            }
            names.add(name);
        }
        if (names.size() < 2) {
            throw new ConfigException(path, "expected at least two classes, got " + names.size());
        }
        return names;
    }

    private static ScheduleSpec schedule(JsonNode node, String path) {
        JsonObjectReader s = JsonObjectReader.of(node, path).allowOnly(SCHEDULE_FIELDS);
        String name = s.requireString("type");
        ScheduleType type = ScheduleType.named(name).orElseThrow(() -> new ConfigException(s.path("type"),
                "expected one of " + ScheduleType.names() + ", got \"" + name + "\""));
        Map<String, Double> values = new LinkedHashMap<>();
        for (ScheduleType.Field f : type.fields()) {
            OptionSpec o = f.spec();
            double value = o.type() == OptionType.INTEGER
                    ? o.required() ? s.requireInteger(o.name(), o.minimum().intValue())
                            : s.integer(o.name(), (Integer) o.defaultValue(), o.minimum().intValue())
                    : s.number(o.name(), (Double) o.defaultValue(), o.minimum(),
                            o.maximum() != null ? o.maximum() : Double.MAX_VALUE);
            values.put(o.name(), value);
        }
        return type.create(values);
    }
}
