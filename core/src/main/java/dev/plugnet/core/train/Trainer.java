package dev.plugnet.core.train;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.NonFiniteException;
import dev.plugnet.core.data.Minibatches;
import dev.plugnet.core.data.Samples;
import dev.plugnet.core.metrics.Evaluator;
import dev.plugnet.core.metrics.LossAndAccuracy;
import dev.plugnet.core.metrics.RegressionEvaluation;
import dev.plugnet.core.model.Monitor;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.Network;

import java.util.function.BooleanSupplier;

/**
 * Trains a model for some epochs of shuffled minibatches, every step through {@link TrainingStep}: η from the
 * schedule each epoch, the validation loss and accuracy (for a regression MAE, RMSE and R² in the targets' units,
 * on the training minibatches and the validation rows) after each epoch, early stopping with patience on the
 * monitored quantity (a {@link Monitor}: the validation loss, accuracy, MAE, RMSE or R²; an epoch counts as better only when it improves on the
 * best by more than {@code minDelta}), restoring the best epoch's weights and optimizer state, and a
 * {@link History} whose best epoch is the epoch whose weights the model holds at the end. A run can
 * continue an earlier one's history (resume). Minibatch order depends only on the seed and the epoch, so the
 * same seed and data train to bit-identical weights.
 */
public final class Trainer {
    private final TrainingSettings settings;

    public Trainer(TrainingSettings settings) {
        this.settings = settings;
    }

    /**
     * @param model the model to train, changed in place
     * @param train the rows to train on
     * @param validation rows for validation; none only when early stopping is off
     * @param previous the history of the run being resumed, or {@link History#EMPTY}
     * @param listener hears the progress
     * @return the history and the measured throughput; the model holds the weights of the history's best epoch
     * @throws TrainingFailedException if a loss or gradient is not finite, naming the epoch and minibatch
     * @throws ConfigException if early stopping is on but there are no validation rows, or the monitored
     *         quantity is not one this kind of model has (accuracy for a regression, RMSE for a classifier)
     */
    public TrainingResult train(AssembledModel model, Samples train, Samples validation, History previous,
                                TrainingListener listener) {
        return train(model, train, validation, previous, listener, () -> false);
    }

    /**
     * As {@link #train(AssembledModel, Samples, Samples, History, TrainingListener)}, and stops when
     * {@code cancelled} says so: it is asked before every minibatch step, so a step that has begun finishes; the
     * model is then put back to the best epoch's state (under early stopping) or the last completed epoch's (the
     * start, if none completed), and the result says it was cancelled.
     *
     * @param cancelled asked before every step, on the training thread
     */
    public TrainingResult train(AssembledModel model, Samples train, Samples validation, History previous,
                                TrainingListener listener, BooleanSupplier cancelled) {
        TrainingStep step = new TrainingStep(model);
        Network network = model.network();
        Minibatches batches = new Minibatches(train, settings.batchSize(), settings.seed());
        Evaluator evaluator = new Evaluator(settings.batchSize());
        LearningRateSchedule schedule = new LearningRateSchedule(settings.schedule());
        double startRate = previous.size() == 0 ? model.optimizer().learningRate()
                : previous.epochs().get(0).learningRate();
        boolean validating = validation.size() > 0;
        boolean earlyStopping = settings.earlyStopping();
        if (earlyStopping && !validating) {
            throw new ConfigException("training.patience", "early stopping (patience " + settings.patience()
                    + ") watches the " + settings.monitor().replace('_', ' ') + ", but there are no validation"
                    + " rows; give a validation fraction above 0 or a validation file, or set patience 0 to train"
                    + " every epoch and keep the last weights");
        }

        boolean regression = train.regression();
        Monitor.require(settings.monitor(), regression);
        RunningErrors errors = regression ? new RunningErrors(train) : null;

        Snapshot best = new Snapshot(model);
        Snapshot lastGood = new Snapshot(model);
        double bestValue = Double.NaN;
        int bestEpoch = previous.bestEpoch();
        for (EpochStats e : previous.epochs()) {
            if (e.epoch() == previous.bestEpoch()) {
                bestValue = settings.monitored(e);
            }
        }
        if (earlyStopping && previous.size() > 0) {
            best.take(); // the resumed weights are the best of the earlier run
        }
        lastGood.take();

        int first = previous.size() + 1;
        int last = previous.size() + settings.epochs();
        listener.started(first, last, batches.count(), train.size());
        History history = previous;
        ThroughputMeter meter = new ThroughputMeter();
        long samples = 0;
        long steps = 0;
        long nanos = 0;
        long bytes = 0;
        boolean stoppedEarly = false;
        for (int epoch = first; epoch <= last; epoch++) {
            double rate = schedule.rate(startRate, epoch, last);
            model.optimizer().learningRate(rate);
            batches.shuffle(epoch);
            double lossSum = 0;
            int correct = 0;
            meter.restart();
            if (errors != null) {
                errors.clear();
            }
            for (int b = 0; b < batches.count(); b++) {
                if (cancelled.getAsBoolean()) {
                    (earlyStopping && best.taken() ? best : lastGood).restore();
                    History kept = history.stopped(earlyStopping ? bestEpoch : history.size(), false);
                    ThroughputMeter.Throughput t = meter.read();
                    return new TrainingResult(kept, new ThroughputMeter.Throughput(samples + t.samples(),
                            steps + t.steps(), nanos + t.nanos(), bytes < 0 || t.allocatedBytes() < 0 ? -1
                            : bytes + t.allocatedBytes()), true);
                }
                Minibatches.Batch batch = batches.batch(b);
                double loss;
                try {
                    loss = step.run(batch.inputs(), batch.targets());
                } catch (NonFiniteException e) {
                    (earlyStopping && best.taken() ? best : lastGood).restore();
                    History kept = history.stopped(earlyStopping ? bestEpoch : history.size(), false);
                    throw new TrainingFailedException("epoch " + epoch + ", batch " + (b + 1) + " of "
                            + batches.count(), "training stopped: " + e.getMessage(),
                            new TrainingResult(kept, meter.read()));
                }
                meter.step(batch.size());
                lossSum += loss * batch.size();
                Matrix out = network.stages().get(network.stages().size() - 1).output();
                if (errors != null) {
                    errors.add(out, batch.targets());
                } else {
                    correct += Evaluator.correct(out, batch.labels());
                }
                listener.batchDone(epoch, b + 1, loss);
            }
            ThroughputMeter.Throughput t = meter.read();
            samples += t.samples();
            steps += t.steps();
            nanos += t.nanos();
            bytes = bytes < 0 || t.allocatedBytes() < 0 ? -1 : bytes + t.allocatedBytes();

            RegressionEvaluation fit = validating && regression ? evaluator.regression(network, validation) : null;
            LossAndAccuracy v = fit != null ? new LossAndAccuracy(fit.loss(), Double.NaN, validation.size())
                    : validating ? evaluator.lossAndAccuracy(network, validation) : LossAndAccuracy.NONE;
            if (validating && !Double.isFinite(v.loss())) {
                (earlyStopping && best.taken() ? best : lastGood).restore();
                History kept = history.stopped(earlyStopping ? bestEpoch : history.size(), false);
                throw new TrainingFailedException("epoch " + epoch + ", validation", "training stopped: the"
                        + " validation loss is " + v.loss() + " after the epoch's updates",
                        new TrainingResult(kept, meter.read()));
            }
            EpochStats stats = new EpochStats(epoch, lossSum / train.size(),
                    regression ? Double.NaN : (double) correct / train.size(),
                    v.loss(), v.accuracy(), rate, errors != null ? errors.metrics() : null,
                    fit != null ? fit.metrics() : null);
            boolean improved = validating && settings.improves(settings.monitored(stats), bestValue);
            if (improved) {
                bestValue = settings.monitored(stats);
                bestEpoch = epoch;
                if (earlyStopping) {
                    best.take();
                }
            }
            if (!earlyStopping) {
                bestEpoch = epoch;
            }
            lastGood.take();
            history = history.plus(stats, bestEpoch);
            listener.epochDone(stats, improved);
            listener.epochRecorded(history);
            if (earlyStopping && epoch - bestEpoch >= settings.patience()) {
                stoppedEarly = epoch < last;
                break;
            }
        }
        if (earlyStopping && best.taken()) {
            best.restore();
        }
        history = history.stopped(bestEpoch, stoppedEarly);
        return new TrainingResult(history, new ThroughputMeter.Throughput(samples, steps, nanos, bytes), false);
    }
}
