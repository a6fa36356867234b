package dev.plugnet.core.reference;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.NonFiniteException;
import dev.plugnet.api.Parameter;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.model.ComponentSpec;
import dev.plugnet.core.model.LayerSpec;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.model.TrainingSpec;
import dev.plugnet.core.network.Network;
import dev.plugnet.core.network.Stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link ReferenceCase} through the real path — a model spec with the case's weights as explicit
 * options of the {@link ReferenceLayer} the caller names, assembled by Guice from the discovered plugins — and
 * compares every value with the reference by {@code max|actual − expected| / max(1e-12, max|expected|)}.
 */
public final class ReferenceCheck {
    private final Plugnet plugnet;
    private final ReferenceLayer layer;

    /** @param layer the layer plugin that computes a case's {@code x·W + b} */
    public ReferenceCheck(Plugnet plugnet, ReferenceLayer layer) {
        this.plugnet = plugnet;
        this.layer = java.util.Objects.requireNonNull(layer, "layer");
    }

    /**
     * @return the model a case describes: {@code layer}'s layers with explicit weights, the case's activations and
     *         loss (with the case's {@code class_weights} as the loss's option of that name), and no optimizer
     */
    public static ModelSpec modelOf(ReferenceCase c, ReferenceLayer layer, boolean shortcuts) {
        List<LayerSpec> layers = new ArrayList<>();
        int count = c.sizes().size() - 1;
        for (int i = 0; i < count; i++) {
            Map<String, Object> options = new LinkedHashMap<>();
            options.put(layer.widthOption(), c.sizes().get(i + 1));
            options.put(layer.weightsOption(), rows(c.weights().get(i)));
            options.put(layer.biasesOption(), row(c.biases().get(i)));
            String activation = i == count - 1 ? c.outputActivation() : c.hiddenActivation();
            layers.add(new LayerSpec(layer.type(), options, ComponentSpec.named(activation)));
        }
        ComponentSpec loss = ComponentSpec.named(c.loss());
        if (c.classWeights() != null) {
            List<Double> w = new ArrayList<>();
            for (double v : c.classWeights()) {
                w.add(v);
            }
            loss = new ComponentSpec(c.loss(), Map.of("class_weights", w));
        }
        return new ModelSpec(1, c.name(), null, c.sizes().get(0), layers, loss,
                null, shortcuts, 0L, TrainingSpec.DEFAULTS); // a case is one forward and backward: no optimizer
    }

    /**
     * Runs the case once on the requested path.
     *
     * @param c the case
     * @param shortcut whether to run with shortcuts on
     */
    public ReferenceResult run(ReferenceCase c, boolean shortcut) {
        String pathName = shortcut ? "shortcut" : "generic";
        if (!shortcut && c.expected().dLds() == null) {
            return new ReferenceResult(c.name(), pathName, false, 0, "",
                    "skipped: dL_ds is not finite in this case, so only the shortcut path applies");
        }
        Network network = plugnet.assembler().network(modelOf(c, layer, shortcut));
        if (shortcut && !network.usesShortcut()) {
            return new ReferenceResult(c.name(), pathName, false, 0, "",
                    "skipped: " + network.backwardPath());
        }
        Map<String, Double> errors = new LinkedHashMap<>();
        network.forward(c.x(), false);
        double loss = network.loss(c.t());
        errors.put("loss", relativeError(Matrix.row(loss), Matrix.row(c.expected().loss())));
        try {
            network.backward(c.t());
        } catch (NonFiniteException e) {
            return new ReferenceResult(c.name(), pathName, true, Double.POSITIVE_INFINITY, e.location(),
                    e.getMessage());
        }
        List<Stage> stages = network.stages();
        Stage last = stages.get(stages.size() - 1);
        ReferenceCase.Expected ex = c.expected();
        errors.put("s", relativeError(last.output(), ex.s()));
        if (!shortcut) {
            errors.put("dL_ds", relativeError(network.lossGradient(), ex.dLds()));
        }
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            errors.put("pre_activations[" + i + "]", relativeError(stage.preActivation(), ex.preActivations().get(i)));
            errors.put("dL_dpre[" + i + "]", relativeError(stage.preActivationGradient(), ex.dLdpre().get(i)));
            if (i < stages.size() - 1) {
                errors.put("hidden_outputs[" + i + "]", relativeError(stage.output(), ex.hiddenOutputs().get(i)));
                errors.put("dL_dhidden[" + i + "]", relativeError(stage.outputGradient(), ex.dLdhidden().get(i)));
            }
            // a layer without the named parameters compares as infinitely wrong, never as skipped
            errors.put("dL_dW[" + i + "]", Double.POSITIVE_INFINITY);
            errors.put("dL_db[" + i + "]", Double.POSITIVE_INFINITY);
            for (Parameter p : stage.layer().parameters()) {
                if (p.name().equals(layer.weightParameter())) {
                    errors.put("dL_dW[" + i + "]", relativeError(p.gradient(), ex.dLdW().get(i)));
                } else if (p.name().equals(layer.biasParameter())) {
                    errors.put("dL_db[" + i + "]", relativeError(p.gradient(), ex.dLdb().get(i)));
                }
            }
        }
        String worstName = "";
        double worst = 0;
        for (Map.Entry<String, Double> e : errors.entrySet()) {
            if (!(e.getValue() <= worst)) {
                worst = e.getValue();
                worstName = e.getKey();
            }
        }
        return new ReferenceResult(c.name(), pathName, true, worst, worstName, "");
    }

    /** @return {@link Matrix#relativeErrorTo}; infinite for a missing {@code actual} */
    private static double relativeError(Matrix actual, Matrix expected) {
        return actual == null ? Double.POSITIVE_INFINITY : actual.relativeErrorTo(expected);
    }

    private static List<Object> rows(Matrix m) {
        List<Object> rows = new ArrayList<>();
        for (double[] r : m.toArray()) {
            rows.add(toList(r));
        }
        return rows;
    }

    private static List<Object> row(Matrix m) {
        return toList(m.data());
    }

    private static List<Object> toList(double[] values) {
        List<Object> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
