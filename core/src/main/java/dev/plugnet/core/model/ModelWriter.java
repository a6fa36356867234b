package dev.plugnet.core.model;

import dev.plugnet.api.OptionType;
import dev.plugnet.core.json.JsonValues;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link ModelSpec} back as JSON; {@link ModelReader} reads the result into an equal record.
 */
public final class ModelWriter {
    private final ObjectMapper mapper;

    public ModelWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @return the model as indented JSON text */
    public String write(ModelSpec spec) {
        return mapper.writeValueAsString(toTree(spec));
    }

    /** @return the model as a JSON tree */
    public ObjectNode toTree(ModelSpec spec) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", spec.format());
        root.put("name", spec.name());
        if (spec.description() != null) {
            root.put("description", spec.description());
        }
        if (spec.inputs() == ModelSpec.AUTO) {
            root.put("inputs", ModelSpec.AUTO_NAME);
        } else {
            root.put("inputs", spec.inputs());
        }
        var layers = root.putArray("layers");
        for (LayerSpec layer : spec.layers()) {
            ObjectNode node = f.objectNode();
            node.put("type", layer.type());
            layer.options().forEach((k, v) -> node.set(k, JsonValues.toNode(v)));
            if (layer.activation() != null) {
                node.set("activation", component(layer.activation()));
            }
            layers.add(node);
        }
        root.set("loss", component(spec.loss()));
        if (spec.optimizer() != null) {
            root.set("optimizer", component(spec.optimizer()));
        }
        root.put("shortcuts", spec.shortcuts());
        root.put("seed", spec.seed());
        root.set("training", training(spec.training()));
        return root;
    }

    private static ObjectNode component(ComponentSpec c) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", c.type());
        c.options().forEach((k, v) -> node.set(k, JsonValues.toNode(v)));
        return node;
    }

    private static ObjectNode training(TrainingSpec t) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("epochs", t.epochs());
        node.put("batch_size", t.batchSize());
        node.put("validation_fraction", t.validationFraction());
        node.put("test_fraction", t.testFraction());
        node.put("patience", t.patience());
        if (t.schedule() != null) {
            ObjectNode s = node.putObject("schedule");
            ScheduleSpec sc = t.schedule();
            s.put("type", sc.type().jsonName());
            for (ScheduleType.Field f : sc.type().fields()) {
                double value = f.value().applyAsDouble(sc);
                if (f.spec().type() == OptionType.INTEGER) {
                    s.put(f.spec().name(), (int) value);
                } else {
                    s.put(f.spec().name(), value);
                }
            }
        }
        if (t.label() != null) {
            node.put("label", t.label());
        }
        node.put("monitor", t.monitor());
        node.put("min_delta", t.minDelta());
        if (t.classes() != null) {
            t.classes().forEach(node.putArray("classes")::add);
        }
        if (t.positiveClass() != null) {
            node.put("positive_class", t.positiveClass());
        }
        if (t.features() != null) {
            t.features().forEach(node.putArray("features")::add);
        }
        if (!t.ignore().isEmpty()) {
            t.ignore().forEach(node.putArray("ignore")::add);
        }
        if (t.classWeights() != null) {
            if (t.classWeights().balanced()) {
                node.put("class_weights", "balanced");
            } else {
                ObjectNode w = node.putObject("class_weights");
                t.classWeights().byClass().forEach(w::put);
            }
        }
        if (t.compute() != null) {
            node.put("compute", t.compute());
        }
        return node;
    }
}
