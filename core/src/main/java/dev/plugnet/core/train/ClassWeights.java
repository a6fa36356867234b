package dev.plugnet.core.train;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.LossProvider;
import dev.plugnet.core.model.ClassWeightsSpec;
import dev.plugnet.core.model.ComponentSpec;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code training.class_weights} into the loss's {@code class_weights} option, one weight per class in
 * output order: {@code "balanced"} gives {@code w_k = n / (K · n_k)} over the training split (scikit-learn's
 * {@code compute_class_weight("balanced")}, Keras's usual {@code class_weight}); a map gives its weights, 1 for
 * the classes it does not name. The model that comes out carries the weights in its loss (so a checkpoint
 * records exactly what was trained) and no longer in its training section.
 */
public final class ClassWeights {
    /** The loss option that receives the weights. */
    public static final String OPTION = "class_weights";

    private ClassWeights() {
    }

    /**
     * @param spec the weights asked for
     * @param classes the class names, in output order
     * @param trainLabels the class of every training row
     * @return one weight per class
     * @throws ConfigException naming {@code training.class_weights} for an unknown class, or for "balanced" with a
     *         class that has no training rows
     */
    public static double[] resolve(ClassWeightsSpec spec, List<String> classes, int[] trainLabels) {
        double[] w = new double[classes.size()];
        if (spec.balanced()) {
            int[] counts = new int[classes.size()];
            for (int label : trainLabels) {
                counts[label]++;
            }
            for (int k = 0; k < w.length; k++) {
                if (counts[k] == 0) {
                    throw new ConfigException("training.class_weights", "\"balanced\" weighs each class by its share"
                            + " of the training rows, but class \"" + classes.get(k) + "\" has none; list the weights"
                            + " per class instead");
                }
                w[k] = (double) trainLabels.length / (classes.size() * (double) counts[k]);
            }
            return w;
        }
        for (String name : spec.byClass().keySet()) {
            if (!classes.contains(name)) {
                throw new ConfigException("training.class_weights." + name, "unknown class \"" + name
                        + "\"; the classes are " + String.join(", ", classes));
            }
        }
        for (int k = 0; k < w.length; k++) {
            w[k] = spec.byClass().getOrDefault(classes.get(k), 1.0);
        }
        return w;
    }

    /**
     * @return {@code model} with the resolved weights as its loss's {@code class_weights} option and no
     *         {@code training.class_weights}; {@code model} itself when it asks for none
     * @throws ConfigException if the loss takes no class weights, or already has its own
     */
    public static ModelSpec apply(ModelSpec model, List<String> classes, int[] trainLabels, PluginRegistry registry) {
        ClassWeightsSpec spec = model.training().classWeights();
        if (spec == null) {
            return model;
        }
        ComponentSpec loss = model.loss();
        var provider = registry.providers(PluginKind.LOSS, LossProvider.class).get(loss.type());
        boolean takesWeights = provider != null && provider.options().stream().anyMatch(o -> o.name().equals(OPTION));
        if (!takesWeights) {
            throw new ConfigException("training.class_weights", "the loss \"" + loss.type() + "\" takes no class"
                    + " weights; they weigh a classifier's cross_entropy");
        }
        if (loss.options().containsKey(OPTION)) {
            throw new ConfigException("training.class_weights", "the loss already has its own class_weights; give"
                    + " them in one place");
        }
        double[] w = resolve(spec, classes, trainLabels);
        List<Double> list = new ArrayList<>();
        for (double v : w) {
            list.add(v);
        }
        Map<String, Object> options = new LinkedHashMap<>(loss.options());
        options.put(OPTION, list);
        return model.withLoss(new ComponentSpec(loss.type(), options)).withTraining(model.training().withClassWeights(null));
    }
}
