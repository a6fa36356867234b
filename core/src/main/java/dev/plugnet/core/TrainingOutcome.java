package dev.plugnet.core;

import dev.plugnet.core.train.History;
import dev.plugnet.core.train.ThroughputMeter;

/**
 * What a {@link TrainingRun} produced.
 *
 * @param model the trained model, holding the weights of {@code history.bestEpoch()}
 * @param history every epoch (a resumed run's earlier ones included)
 * @param throughput this run's training steps: samples, steps, time and allocation
 * @param cancelled whether a cancellation stopped the run before its last epoch
 * @param seconds the wall time of the training loop
 * @param epochsRun epochs this run trained
 * @param test the report on the held-out test rows, or {@code null} if none were held out
 */
public record TrainingOutcome(TrainedModel model, History history, ThroughputMeter.Throughput throughput,
                              boolean cancelled, double seconds, int epochsRun, Evaluation test) {
}
