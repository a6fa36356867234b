package dev.plugnet.core.data;

import java.util.List;
import java.util.Objects;

/**
 * What a trained model needs to read new data the way it read its training data; stored in the checkpoint.
 *
 * @param featureNames the feature columns, in the network's input order
 * @param labelColumn the label column's name
 * @param standardizer the feature means and scales, fitted on the training split only
 * @param labelNames the classes; output {@code k} of the network is class {@code labelNames.get(k)}; for a
 *        regression, the target columns, output {@code k} predicting column {@code labelNames.get(k)}
 * @param targets for a regression, the target means and scales fitted on the training split (the network
 *        predicts standardised targets, mapped back by {@code y = z · scale + mean}); {@code null} for classes
 */
public record Preprocessing(List<String> featureNames, String labelColumn, Standardizer standardizer,
                            List<String> labelNames, Standardizer targets) {
    /** The preprocessing of a classifier. */
    public Preprocessing(List<String> featureNames, String labelColumn, Standardizer standardizer,
                         List<String> labelNames) {
        this(featureNames, labelColumn, standardizer, labelNames, null);
    }

    /** @return whether the model is a regression (its outputs are target values, not class probabilities) */
    public boolean regression() {
        return targets != null;
    }

    public Preprocessing {
        featureNames = List.copyOf(featureNames);
        Objects.requireNonNull(labelColumn, "labelColumn");
        Objects.requireNonNull(standardizer, "standardizer");
        labelNames = List.copyOf(labelNames);
        if (standardizer.width() != featureNames.size()) {
            throw new IllegalArgumentException("one mean and scale per feature");
        }
        if (targets != null && targets.width() != labelNames.size()) {
            throw new IllegalArgumentException("one mean and scale per target");
        }
    }
}
