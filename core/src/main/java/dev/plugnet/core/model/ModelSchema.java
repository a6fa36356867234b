package dev.plugnet.core.model;

import dev.plugnet.api.ApiVersion;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.core.plugins.InstalledPlugin;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A JSON Schema (draft 2020-12) of the model format, built from the installed plugins' declared options
 * ({@link OptionSpec}s: the same source plugnet validates with), so that an editor can check and complete
 * model files. Each layer is one of the installed layer plugins, told apart by its {@code "type"} const; an
 * activation, loss or optimizer is a name (of a plugin with no required option) or one of its plugins'
 * objects. The top level and {@code training} follow {@link ModelReader}.
 *
 * <p>The schema says less than plugnet's own checks in a few places: a plugin's checks that depend on context
 * (explicit weights that must fit the input width) and the loss-fits-the-output rule are made when the model
 * is assembled.
 */
public final class ModelSchema {
    /** The meta-schema this schema is written in. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ModelSchema() {
    }

    /** @return the schema of models over the plugins of {@code registry} */
    public static ObjectNode of(PluginRegistry registry) {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", DIALECT);
        root.put("$id", "https://plugnet.dev/schema/model-" + ApiVersion.MODEL_FORMAT + ".json");
        root.put("title", "plugnet model");
        root.put("description", "A plugnet model file (format " + ApiVersion.MODEL_FORMAT + "), for the plugins"
                + " installed when this schema was written.");
        root.put("type", "object");
        ObjectNode props = root.putObject("properties");
        props.set("format", integer(1, "File format version; a file from a newer plugnet is refused.")
                .put("maximum", ApiVersion.MODEL_FORMAT));
        props.set("name", described(type("string"), "A name for listings and reports."));
        props.set("description", described(type("string"), "What the model is."));
        props.set("inputs", oneOf(NODES.arrayNode().add(integer(1, "Width of an input row (n1)."))
                .add(NODES.objectNode().put("const", ModelSpec.AUTO_NAME)), "Width of an input row (n1), or \"auto\""
                + " (the default) for the number of feature columns of the data."));
        ObjectNode layers = described(type("array"), "The layers, in order.");
        layers.put("minItems", 1);
        layers.set("items", ref("layer"));
        props.set("layers", layers);
        props.set("loss", ref("loss"));
        props.set("optimizer", ref("optimizer"));
        props.set("shortcuts", described(type("boolean"),
                "Whether a fused backward may replace the tail's generic steps (default true)."));
        props.set("seed", described(type("integer"), "Seeds the initial weights and everything random (default 42)."));
        props.set("training", ref("training"));
        root.set("required", strings(List.of("layers", "loss")));
        root.put("additionalProperties", false);

        ObjectNode defs = root.putObject("$defs");
        Collection<InstalledPlugin> layerPlugins = registry.plugins(PluginKind.LAYER).values();
        ArrayNode layerChoices = NODES.arrayNode();
        for (InstalledPlugin p : layerPlugins) {
            ObjectNode layer = pluginObject(p);
            ((ObjectNode) layer.get("properties")).set("activation", ref("activation"));
            defs.set("layer." + p.name(), layer);
            layerChoices.add(ref("layer." + p.name()));
        }
        defs.set("layer", oneOf(layerChoices, "A layer: \"type\" names a layer plugin; the rest are its options."));
        component(defs, registry, PluginKind.ACTIVATION, "An activation: a name, or {\"type\": name, options…}.");
        component(defs, registry, PluginKind.LOSS, "A loss: a name, or {\"type\": name, options…}.");
        component(defs, registry, PluginKind.OPTIMIZER, "An optimizer: a name, or {\"type\": name, options…}.");
        defs.set("training", training(registry));
        return root;
    }

    /** @return the property names the schema allows in {@code training} (kept equal to the reader's by a test) */
    static List<String> trainingFields(ObjectNode schema) {
        return List.copyOf(schema.get("$defs").get("training").get("properties").propertyNames());
    }

    private static void component(ObjectNode defs, PluginRegistry registry, PluginKind kind, String description) {
        ArrayNode choices = NODES.arrayNode();
        ArrayNode byName = NODES.arrayNode();
        for (InstalledPlugin p : registry.plugins(kind).values()) {
            defs.set(kind.word() + "." + p.name(), pluginObject(p));
            choices.add(ref(kind.word() + "." + p.name()));
            if (p.provider().options().stream().noneMatch(OptionSpec::required)) {
                byName.add(p.name());
            }
        }
        if (!byName.isEmpty()) {
            ObjectNode name = type("string");
            name.set("enum", byName);
            choices.insert(0, name);
        }
        defs.set(kind.word(), oneOf(choices, description));
    }

    private static ObjectNode pluginObject(InstalledPlugin plugin) {
        ObjectNode schema = described(type("object"), plugin.provider().description());
        ObjectNode props = schema.putObject("properties");
        props.set("type", NODES.objectNode().put("const", plugin.name()));
        ArrayNode required = schema.putArray("required");
        required.add("type");
        for (OptionSpec spec : plugin.provider().options()) {
            props.set(spec.name(), option(spec));
            if (spec.required()) {
                required.add(spec.name());
            }
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static void bound(ObjectNode schema, String keyword, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            schema.put(keyword, (long) value);
        } else {
            schema.put(keyword, value);
        }
    }

    /** @return the schema of one option's value */
    static ObjectNode option(OptionSpec spec) {
        ObjectNode s = switch (spec.type()) {
            case INTEGER -> type("integer");
            case NUMBER -> type("number");
            case BOOLEAN -> type("boolean");
            case STRING -> type("string");
            case NUMBER_LIST -> type("array").set("items", type("number"));
            case NUMBER_MATRIX -> type("array").set("items", type("array").set("items", type("number")));
        };
        if (!spec.choices().isEmpty()) {
            s.set("enum", strings(spec.choices()));
        }
        if (spec.minimum() != null) {
            bound(s, spec.exclusiveMinimum() ? "exclusiveMinimum" : "minimum", spec.minimum());
        }
        if (spec.maximum() != null) {
            bound(s, spec.exclusiveMaximum() ? "exclusiveMaximum" : "maximum", spec.maximum());
        }
        Object d = spec.defaultValue();
        if (d instanceof Integer i) {
            s.put("default", i);
        } else if (d instanceof Double x) {
            s.put("default", x);
        } else if (d instanceof Boolean b) {
            s.put("default", b);
        } else if (d instanceof String str) {
            s.put("default", str);
        }
        return described(s, spec.description());
    }

    private static ObjectNode training(PluginRegistry registry) {
        ObjectNode t = described(type("object"), "How the app trains the network; every field has a default.");
        ObjectNode p = t.putObject("properties");
        p.set("epochs", integer(1, "Passes over the training split."));
        p.set("batch_size", integer(1, "Rows per minibatch (B)."));
        p.set("validation_fraction", fraction("Share of the rows held out for validation."));
        p.set("test_fraction", fraction("Share of the rows held out for the final report."));
        p.set("patience", integer(0, "Epochs without an improvement of `monitor` before stopping early and restoring"
                + " the best weights (default " + TrainingSpec.DEFAULT_PATIENCE + "); 0 is off."));
        ObjectNode monitor = described(type("string"), "What early stopping watches (default validation_loss): " + Monitor.CHOICES + ".");
        TrainingSpec.MONITORS.forEach(monitor.putArray("enum")::add);
        p.set("monitor", monitor);
        p.set("min_delta", described(type("number").put("minimum", 0),
                "The least change of `monitor` that counts as an improvement (default 0)."));
        ObjectNode classes = described(type("array"), "The class names in output order (default: sorted, numbers"
                + " numerically).");
        classes.put("minItems", 2).put("uniqueItems", true);
        classes.putObject("items").putArray("type").add("string").add("integer");
        p.set("classes", classes);
        p.set("positive_class", described(type("string"), "The positive class of a two-class problem (default the"
                + " second class)."));
        for (String field : List.of("features", "ignore")) {
            ObjectNode names = described(type("array"), field.equals("features")
                    ? "The feature columns to use, by name (default: every column but the label's)."
                    : "Columns to leave out, by name (an id column, for example).");
            names.put("minItems", 1);
            names.putObject("items").put("type", "string");
            p.set(field, names);
        }
        ObjectNode byClass = type("object");
        byClass.putObject("additionalProperties").put("type", "number").put("minimum", 0);
        byClass.put("minProperties", 1);
        p.set("class_weights", oneOf(NODES.arrayNode().add(NODES.objectNode().put("const", "balanced")).add(byClass),
                "How much each class counts in cross_entropy: \"balanced\" (n / (K n_k) over the training rows) or"
                + " a weight per class name (others weigh 1)."));
        ArrayNode schedules = NODES.arrayNode();
        for (ScheduleType type : ScheduleType.values()) {
            schedules.add(schedule(type));
        }
        p.set("schedule", oneOf(schedules, "A learning-rate schedule."));
        p.set("label", described(type("string"), "The CSV column that holds the class (default the last)."));
        List<String> computes = new java.util.ArrayList<>(List.of("auto"));
        computes.addAll(registry.plugins(PluginKind.COMPUTE).keySet());
        p.set("compute", described(type("string").set("enum", strings(computes)), "The compute backend the"
                + " matrix products run on: auto (default: each product on the fastest backend for its size) or an"
                + " installed backend; --compute overrides it."));
        t.put("additionalProperties", false);
        return t;
    }

    private static ObjectNode schedule(ScheduleType type) {
        ObjectNode s = type("object");
        ObjectNode p = s.putObject("properties");
        p.set("type", NODES.objectNode().put("const", type.jsonName()));
        ArrayNode req = s.putArray("required");
        req.add("type");
        for (ScheduleType.Field f : type.fields()) {
            p.set(f.spec().name(), option(f.spec()));
            if (f.spec().required()) {
                req.add(f.spec().name());
            }
        }
        s.put("additionalProperties", false);
        return s;
    }

    private static ObjectNode fraction(String description) {
        return described(type("number").put("minimum", 0).put("maximum", TrainingSpec.MAX_FRACTION), description);
    }

    private static ObjectNode integer(int minimum, String description) {
        return described(type("integer").put("minimum", minimum), description);
    }

    private static ObjectNode type(String type) {
        return NODES.objectNode().put("type", type);
    }

    private static ObjectNode described(ObjectNode node, String description) {
        if (description != null && !description.isBlank()) {
            node.put("description", description);
        }
        return node;
    }

    private static ObjectNode ref(String def) {
        return NODES.objectNode().put("$ref", "#/$defs/" + def);
    }

    private static ObjectNode oneOf(ArrayNode choices, String description) {
        if (choices.isEmpty()) {
            return described(NODES.objectNode().put("not", true), description + " (none installed)");
        }
        ObjectNode node = described(NODES.objectNode(), description);
        node.set("oneOf", choices);
        return node;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
