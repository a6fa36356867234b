package dev.plugnet.core;

import dev.plugnet.core.metrics.BinaryRanking;
import dev.plugnet.core.metrics.ClassMetrics;
import dev.plugnet.core.metrics.ClassifierEvaluation;
import dev.plugnet.core.metrics.RegressionEvaluation;
import dev.plugnet.core.metrics.ConfusionMatrix;

import java.util.List;

/**
 * How a trained model did on labelled rows: the figures of {@code plugnet evaluate}.
 *
 * @param details everything measured: the loss, the confusion matrix, for two classes the ranking of the
 *        positive class's probability, and every row's probabilities and predicted class; {@code null} for a
 *        regression
 * @param regression a regression's loss, MAE, RMSE and R² in the targets' units and its predictions;
 *        {@code null} for a classifier
 */
public record Evaluation(ClassifierEvaluation details, RegressionEvaluation regression) {
    /** A classifier's evaluation. */
    public Evaluation(ClassifierEvaluation details) {
        this(details, null);
    }

    /** @return whether the model is a regression: then {@link #regression()} holds MAE, RMSE and R², and the class figures are absent */
    public boolean isRegression() {
        return regression != null;
    }

    /** @return the mean loss over the rows */
    public double loss() {
        return regression != null ? regression.loss() : details.loss();
    }

    /** @return counts of (actual, predicted) classes, with every per-class figure */
    public ConfusionMatrix confusion() {
        return details.confusion();
    }

    /** @return the share of rows whose most probable class is their label */
    public double accuracy() {
        return details.confusion().accuracy();
    }

    /** @return the mean F1 over the classes present in the labels or the predictions */
    public double macroF1() {
        return details.confusion().macroF1();
    }

    /** @return the mean of the per-class recalls */
    public double balancedAccuracy() {
        return details.confusion().balancedAccuracy();
    }

    /** @return precision, recall, F1 and support of each class, in class order */
    public List<ClassMetrics> perClass() {
        return details.confusion().perClass();
    }

    /** @return ROC-AUC and average precision of the positive class, or {@code null} for more than two classes */
    public BinaryRanking ranking() {
        return details.ranking();
    }

    /** @return the number of rows evaluated */
    public int rows() {
        return regression != null ? regression.metrics().rows() : details.confusion().total();
    }
}
