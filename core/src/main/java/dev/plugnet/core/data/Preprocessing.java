package dev.plugnet.core.data;

import java.util.List;
import java.util.Objects;

/**
 * What a trained model needs to read new data the way it read its training data; stored in the checkpoint.
 *
 * @param featureNames the feature columns, in the network's input order
 * @param labelColumn the label column's name
 * @param standardizer the feature means and scales, fitted on the training split only
 * @param labelNames the classes; output {@code k} of the network is class {@code labelNames.get(k)}
 */
public record Preprocessing(List<String> featureNames, String labelColumn, Standardizer standardizer,
                            List<String> labelNames) {
    public Preprocessing {
        featureNames = List.copyOf(featureNames);
        Objects.requireNonNull(labelColumn, "labelColumn");
        Objects.requireNonNull(standardizer, "standardizer");
        labelNames = List.copyOf(labelNames);
        if (standardizer.width() != featureNames.size()) {
            throw new IllegalArgumentException("one mean and scale per feature");
        }
    }
}
