package dev.plugnet.core;

import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.network.Network;

/**
 * What a prepared {@link TrainingRun} is about to do, for a report before it starts.
 *
 * @param spec the model with the run's settings
 * @param data the rows as given
 * @param trainRows rows trained on
 * @param validationRows rows validated on after each epoch
 * @param testRows rows held out for the final report
 * @param network the assembled network (to describe: its stages, parameter count and backward path)
 * @param learningRate the optimizer's η at the start
 * @param epochs epochs to run
 * @param previousEpochs epochs of the run being resumed, 0 for a new one
 */
public record TrainingPlan(ModelSpec spec, Dataset data, int trainRows, int validationRows, int testRows,
                           Network network, double learningRate, int epochs, int previousEpochs) {
}
