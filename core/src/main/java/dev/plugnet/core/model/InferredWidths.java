package dev.plugnet.core.model;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.LayerProvider;
import dev.plugnet.api.Options;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Fills in the widths a model file may leave to the data: {@code inputs} (absent or {@code "auto"}) becomes the
 * number of feature columns, and the last layer's width option (absent or {@code "auto"}) the number of outputs
 * the task needs (the classes of a classifier, the target columns of a regression). Which option sets a layer's
 * width its plugin says ({@link LayerProvider#widthOption()}: {@code units} for dense); a last layer whose plugin
 * names none keeps its input's width and has nothing to fill in. The model that comes out holds the resolved
 * numbers, so the summary and the checkpoint show them.
 */
public final class InferredWidths {
    private final Function<String, String> widthOption;

    /** @param widthOption a layer plugin's name to the option that sets its width, or to {@code null} */
    public InferredWidths(Function<String, String> widthOption) {
        this.widthOption = Objects.requireNonNull(widthOption, "widthOption");
    }

    /** @return the widths the installed layer plugins set by an option */
    public static InferredWidths of(PluginRegistry registry) {
        Map<String, LayerProvider> layers = registry.providers(PluginKind.LAYER, LayerProvider.class);
        return new InferredWidths(type -> {
            LayerProvider provider = layers.get(type);
            return provider == null ? null : provider.widthOption();
        });
    }

    /**
     * @param model a model, possibly with widths left to the data
     * @param features the number of feature columns
     * @param outputs the number of outputs the task needs
     * @return the model with those widths filled in where it left them open
     * @throws ConfigException if a hidden layer's width is {@code "auto"} (only the output layer's width follows
     *         from the data)
     */
    public ModelSpec resolve(ModelSpec model, int features, int outputs) {
        ModelSpec m = model.inputs() == ModelSpec.AUTO ? model.withInputs(features) : model;
        List<LayerSpec> layers = new ArrayList<>(m.layers());
        for (int i = 0; i < layers.size() - 1; i++) {
            String option = widthOption.apply(layers.get(i).type());
            if (option != null && ModelSpec.AUTO_NAME.equals(layers.get(i).options().get(option))) {
                throw new ConfigException(Options.childPath("layers[" + i + "]", option), "\"auto\" is for the last"
                        + " layer only, whose width follows from the data; give this hidden layer's width");
            }
        }
        int last = layers.size() - 1;
        LayerSpec output = layers.get(last);
        String option = widthOption.apply(output.type());
        if (option != null && leftOpen(output.options().get(option))) {
            Map<String, Object> options = new LinkedHashMap<>(output.options());
            options.put(option, outputs);
            layers.set(last, new LayerSpec(output.type(), options, output.activation()));
            m = m.withLayers(layers);
        }
        return m;
    }

    /** @return whether {@code model} leaves a width to the data */
    public boolean open(ModelSpec model) {
        LayerSpec output = model.layers().get(model.layers().size() - 1);
        String option = widthOption.apply(output.type());
        return model.inputs() == ModelSpec.AUTO || option != null && leftOpen(output.options().get(option));
    }

    private static boolean leftOpen(Object width) {
        return width == null || ModelSpec.AUTO_NAME.equals(width);
    }
}
