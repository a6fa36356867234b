package dev.plugnet.core.model;

import dev.plugnet.api.ConfigException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills in the widths a model file may leave to the data: {@code inputs} (absent or {@code "auto"}) becomes the
 * number of feature columns, and the last layer's {@code units} (absent or {@code "auto"}) the number of
 * outputs the task needs (the classes of a classifier, the target columns of a regression). The model that comes
 * out holds the resolved numbers, so the summary and the checkpoint show them.
 */
public final class InferredWidths {
    /** The layer option that sets a layer's output width. */
    public static final String UNITS = "units";

    private InferredWidths() {
    }

    /**
     * @param model a model, possibly with widths left to the data
     * @param features the number of feature columns
     * @param outputs the number of outputs the task needs
     * @return the model with those widths filled in where it left them open
     * @throws ConfigException if a hidden layer's {@code units} is {@code "auto"} (only the output layer's width
     *         follows from the data)
     */
    public static ModelSpec resolve(ModelSpec model, int features, int outputs) {
        ModelSpec m = model.inputs() == ModelSpec.AUTO ? model.withInputs(features) : model;
        List<LayerSpec> layers = new ArrayList<>(m.layers());
        for (int i = 0; i < layers.size() - 1; i++) {
            if (ModelSpec.AUTO_NAME.equals(layers.get(i).options().get(UNITS))) {
                throw new ConfigException("layers[" + i + "].units", "\"auto\" is for the last layer only, whose width"
                        + " follows from the data; give this hidden layer's width");
            }
        }
        int last = layers.size() - 1;
        LayerSpec output = layers.get(last);
        Object units = output.options().get(UNITS);
        if (units == null || ModelSpec.AUTO_NAME.equals(units)) {
            Map<String, Object> options = new LinkedHashMap<>(output.options());
            options.put(UNITS, outputs);
            layers.set(last, new LayerSpec(output.type(), options, output.activation()));
            m = m.withLayers(layers);
        }
        return m;
    }

    /** @return whether {@code model} leaves a width to the data */
    public static boolean open(ModelSpec model) {
        Object units = model.layers().get(model.layers().size() - 1).options().get(UNITS);
        return model.inputs() == ModelSpec.AUTO || units == null || ModelSpec.AUTO_NAME.equals(units);
    }
}
