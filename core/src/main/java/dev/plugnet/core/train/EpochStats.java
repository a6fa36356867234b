package dev.plugnet.core.train;

import dev.plugnet.core.metrics.RegressionMetrics;

/**
 * One epoch of training, as reported and stored in the checkpoint's history. A classifier's epoch has accuracies
 * and no regression figures; a regression's has MAE, RMSE and R² (in the targets' own units) and no accuracies.
 * New figures join as components with a compatible constructor beside the old one, so an entry stays readable
 * by code written before them.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss the mean loss of the epoch's minibatches (each taken before its update)
 * @param trainAccuracy the accuracy on those minibatches (before each update), NaN for a regression
 * @param validationLoss the mean loss on the validation rows after the epoch, NaN without validation rows
 * @param validationAccuracy the accuracy on the validation rows after the epoch, NaN without them or for a
 *        regression
 * @param learningRate η during the epoch
 * @param trainRegression for a regression, MAE, RMSE and R² of the epoch's minibatches (each taken before its
 *        update, as {@code trainLoss} is), in the targets' units; {@code null} for a classifier
 * @param validationRegression for a regression, MAE, RMSE and R² on the validation rows after the epoch, in the
 *        targets' units; {@code null} for a classifier or without validation rows
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                         double validationAccuracy, double learningRate, RegressionMetrics trainRegression,
                         RegressionMetrics validationRegression) {

    /** A classifier's epoch (or one with no regression figures). */
    public EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                      double validationAccuracy, double learningRate) {
        this(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, learningRate, null, null);
    }

    /** @return the training minibatches' MAE in the targets' units, NaN for a classifier */
    public double trainMae() {
        return trainRegression == null ? Double.NaN : trainRegression.mae();
    }

    /** @return the training minibatches' RMSE in the targets' units, NaN for a classifier */
    public double trainRmse() {
        return trainRegression == null ? Double.NaN : trainRegression.rmse();
    }

    /** @return the training minibatches' R², NaN for a classifier */
    public double trainR2() {
        return trainRegression == null ? Double.NaN : trainRegression.r2();
    }

    /** @return the validation rows' MAE in the targets' units, NaN without it */
    public double validationMae() {
        return validationRegression == null ? Double.NaN : validationRegression.mae();
    }

    /** @return the validation rows' RMSE in the targets' units, NaN without it */
    public double validationRmse() {
        return validationRegression == null ? Double.NaN : validationRegression.rmse();
    }

    /** @return the validation rows' R², NaN without it */
    public double validationR2() {
        return validationRegression == null ? Double.NaN : validationRegression.r2();
    }
}
