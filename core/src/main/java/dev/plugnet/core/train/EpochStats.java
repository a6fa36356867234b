package dev.plugnet.core.train;

/**
 * One epoch of training, as reported and stored in the checkpoint's history.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss the mean loss of the epoch's minibatches (each taken before its update)
 * @param trainAccuracy the accuracy on those minibatches (before each update)
 * @param validationLoss the mean loss on the validation rows after the epoch, NaN without validation rows
 * @param validationAccuracy the accuracy on the validation rows after the epoch, NaN without them
 * @param learningRate η during the epoch
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                         double validationAccuracy, double learningRate) {
}
