package dev.plugnet.core.train;

/**
 * What a {@link Trainer} run produced; the model it trained holds the weights of {@code history.bestEpoch()}.
 *
 * @param history every epoch of the run (a resumed run's earlier epochs included)
 * @param throughput the training steps of this run only: samples, steps, time and allocation
 * @param cancelled whether the run was cancelled before its last epoch (the model then holds the best or the last
 *        completed epoch's weights, as {@code history.bestEpoch()} says)
 */
public record TrainingResult(History history, ThroughputMeter.Throughput throughput, boolean cancelled) {
    /** A result of a run that was not cancelled. */
    public TrainingResult(History history, ThroughputMeter.Throughput throughput) {
        this(history, throughput, false);
    }
}
