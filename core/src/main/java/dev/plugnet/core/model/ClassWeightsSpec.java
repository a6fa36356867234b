package dev.plugnet.core.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code training.class_weights} of a model file: how much each class's rows count in the loss,
 * {@code L = −(1/B) Σ_b Σ_k w_k t_bk ln s_bk}.
 *
 * @param balanced {@code "balanced"}: {@code w_k = n / (K · n_k)} over the training split (scikit-learn's
 *        {@code compute_class_weight("balanced")}), so every class counts as much in total
 * @param byClass otherwise, a weight per class name; classes it does not name weigh 1
 */
public record ClassWeightsSpec(boolean balanced, Map<String, Double> byClass) {
    /** The balanced weights. */
    public static final ClassWeightsSpec BALANCED = new ClassWeightsSpec(true, Map.of());

    public ClassWeightsSpec {
        byClass = new LinkedHashMap<>(byClass);
        byClass = java.util.Collections.unmodifiableMap(byClass);
    }
}
