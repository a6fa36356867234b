package dev.plugnet.core.train;

/**
 * What a {@link Trainer} run produced; the model it trained holds the weights of {@code history.bestEpoch()}.
 *
 * @param history every epoch of the run (a resumed run's earlier epochs included)
 * @param throughput the training steps of this run only: samples, steps, time and allocation
 */
public record TrainingResult(History history, ThroughputMeter.Throughput throughput) {
}
