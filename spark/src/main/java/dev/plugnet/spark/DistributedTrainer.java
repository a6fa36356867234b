package dev.plugnet.spark;

import dev.plugnet.api.NonFiniteException;
import dev.plugnet.core.metrics.LossAndAccuracy;
import dev.plugnet.core.model.Monitor;
import dev.plugnet.core.model.ScheduleSpec;
import dev.plugnet.core.model.TrainingSpec;
import dev.plugnet.core.train.EpochStats;
import dev.plugnet.core.train.History;
import dev.plugnet.core.train.LearningRateSchedule;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.util.ArrayList;
import java.util.List;

/**
 * The driver's side of data-parallel training over cached {@link TrainingBlock}s: the epochs, η from the
 * schedule, the optimizer on the driver (synchronous mode) or the averaging of the partitions' parameters, the
 * validation loss after each epoch (one job), and early stopping with patience that restores the best epoch's
 * weights and optimizer state — the single-machine trainer's rules, on a cluster.
 */
final class DistributedTrainer {
    /**
     * @param epochs epochs (rounds, in averaging mode)
     * @param batchSize B, rows per global minibatch (per local minibatch, in averaging mode)
     * @param patience epochs without a better validation loss before stopping; 0 turns early stopping off
     * @param schedule the learning-rate schedule, or {@code null}
     * @param seed the minibatch order's seed
     * @param mode synchronous gradients or parameter averaging
     * @param localEpochs local epochs per averaging round
     * @param depth treeAggregate's depth
     * @param monitor a classifier's monitor: {@code validation_loss} (lower is better) or
     *        {@code validation_accuracy}
     * @param minDelta the least change of {@code monitor} that counts as an improvement
     */
    record Settings(int epochs, int batchSize, int patience, ScheduleSpec schedule, long seed, TrainingMode mode,
                    int localEpochs, int depth, String monitor, double minDelta) {
        boolean byLoss() {
            return TrainingSpec.VALIDATION_LOSS.equals(monitor);
        }

        /** @return whether a smaller value of {@code monitor} is an improvement */
        boolean lowerIsBetter() {
            return Monitor.of(monitor).lowerIsBetter();
        }

        /** @return whether {@code value} improves on {@code best} by more than {@code minDelta} */
        boolean improves(double value, double best) {
            if (Double.isNaN(value)) {
                return false;
            }
            if (Double.isNaN(best)) {
                return true;
            }
            return lowerIsBetter() ? value < best - minDelta : value > best + minDelta;
        }
    }

    /** Spark jobs launched per epoch, and the run's history. */
    record Result(History history, long jobs) {
    }

    private final Settings settings;

    DistributedTrainer(Settings settings) {
        this.settings = settings;
    }

    /**
     * Trains {@code model} (the driver's copy, changed in place) on {@code blocks}.
     *
     * @param trainingRows N, the training rows over all blocks
     * @param validationRows the validation rows over all blocks (0: no validation, no early stopping)
     */
    Result train(NetworkAdapter model, JavaRDD<TrainingBlock> blocks, Broadcast<String> modelJson, int trainingRows,
                 long validationRows) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(blocks.context());
        LearningRateSchedule schedule = new LearningRateSchedule(settings.schedule());
        double startRate = model.learningRate();
        boolean validating = validationRows > 0;
        boolean earlyStopping = validating && settings.patience() > 0;
        int batchSize = Math.min(settings.batchSize(), Math.max(1, trainingRows));
        List<EpochStats> epochs = new ArrayList<>();
        double bestValue = Double.NaN;
        int bestEpoch = 0;
        double[] bestWeights = null;
        double[] bestState = null;
        double bestRate = startRate;
        boolean stoppedEarly = false;
        long jobs = 0;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            double rate = schedule.rate(startRate, epoch, settings.epochs());
            model.learningRate(rate);
            NetworkAdapter.EpochSums sums = settings.mode() == TrainingMode.SYNCHRONOUS
                    ? synchronousEpoch(sc, model, blocks, modelJson, epoch, batchSize, trainingRows)
                    : averagingRound(sc, model, blocks, modelJson, epoch, batchSize);
            jobs += settings.mode() == TrainingMode.SYNCHRONOUS ? (trainingRows + batchSize - 1) / batchSize : 1;
            LossAndAccuracy v = LossAndAccuracy.NONE;
            if (validating) {
                v = validate(sc, model, blocks, modelJson, batchSize);
                jobs++;
                if (!Double.isFinite(v.loss())) {
                    throw new PlugnetSparkException("epoch " + epoch + ", validation", "training stopped: the"
                            + " validation loss is " + v.loss() + " after the epoch's updates");
                }
            }
            epochs.add(new EpochStats(epoch, sums.lossSum() / sums.rows(), (double) sums.correct() / sums.rows(),
                    v.loss(), v.accuracy(), rate));
            double value = settings.byLoss() ? v.loss() : v.accuracy();
            if (validating && settings.improves(value, bestValue)) {
                bestValue = value;
                bestEpoch = epoch;
                if (earlyStopping) {
                    bestWeights = model.weights();
                    bestState = model.state();
                    bestRate = model.learningRate();
                }
            }
            if (!earlyStopping) {
                bestEpoch = epoch;
            }
            if (earlyStopping && epoch - bestEpoch >= settings.patience()) {
                stoppedEarly = epoch < settings.epochs();
                break;
            }
        }
        if (earlyStopping && bestWeights != null) {
            model.weights(bestWeights);
            model.state(bestState);
            model.learningRate(bestRate);
        }
        return new Result(new History(epochs, bestEpoch, stoppedEarly), jobs / Math.max(1, epochs.size()));
    }

    private NetworkAdapter.EpochSums synchronousEpoch(JavaSparkContext sc, NetworkAdapter model,
                                                      JavaRDD<TrainingBlock> blocks, Broadcast<String> modelJson,
                                                      int epoch, int batchSize, int rows) {
        long seed = settings.seed();
        int batches = (rows + batchSize - 1) / batchSize;
        double lossSum = 0;
        long correct = 0;
        for (int b = 0; b < batches; b++) {
            Broadcast<double[]> weights = sc.broadcast(model.weights());
            int batch = b;
            GradientShare total;
            try {
                total = blocks.treeAggregate(GradientShare.NONE,
                        (acc, block) -> GradientShare.plus(acc, block.gradient(modelJson.value(), weights.value(), seed,
                                epoch, batch, batchSize, rows)),
                        GradientShare::plus, settings.depth());
            } catch (Exception e) {
                throw PlugnetSparkException.unwrap(e);
            } finally {
                weights.destroy();
            }
            double loss = total.lossSum / total.rows;
            String where = "epoch " + epoch + ", batch " + (b + 1) + " of " + batches;
            if (!Double.isFinite(loss)) {
                throw new PlugnetSparkException(where, "training stopped: the loss is " + loss);
            }
            try {
                model.step(total.gradient);
            } catch (NonFiniteException e) {
                throw new PlugnetSparkException(where, "training stopped: " + e.getMessage());
            }
            lossSum += total.lossSum;
            correct += total.correct;
        }
        return new NetworkAdapter.EpochSums(lossSum, (int) correct, rows);
    }

    private NetworkAdapter.EpochSums averagingRound(JavaSparkContext sc, NetworkAdapter model,
                                                    JavaRDD<TrainingBlock> blocks, Broadcast<String> modelJson,
                                                    int round, int batchSize) {
        long seed = settings.seed();
        int local = settings.localEpochs();
        double rate = model.learningRate();
        Broadcast<double[]> weights = sc.broadcast(model.weights());
        Broadcast<double[]> state = sc.broadcast(model.state());
        ParameterShare total;
        try {
            total = blocks.treeAggregate(ParameterShare.NONE,
                    (acc, block) -> ParameterShare.plus(acc, block.trainLocally(modelJson.value(), weights.value(),
                            state.value(), rate, seed, round, local, batchSize)),
                    ParameterShare::plus, settings.depth());
        } catch (Exception e) {
            throw PlugnetSparkException.unwrap(e);
        } finally {
            weights.destroy();
            state.destroy();
        }
        double[] w = total.weights;
        double[] s = total.state;
        for (int i = 0; i < w.length; i++) {
            w[i] /= total.rows;
        }
        for (int i = 0; i < s.length; i++) {
            s[i] /= total.rows;
        }
        for (double v : w) {
            if (!Double.isFinite(v)) {
                throw new PlugnetSparkException("round " + round, "training stopped: the averaged weights are not"
                        + " finite");
            }
        }
        model.weights(w);
        model.averagedState(s, "round " + round);
        return new NetworkAdapter.EpochSums(total.lossSum, (int) total.correct, (int) total.seen);
    }

    private LossAndAccuracy validate(JavaSparkContext sc, NetworkAdapter model, JavaRDD<TrainingBlock> blocks,
                                     Broadcast<String> modelJson, int batchSize) {
        Broadcast<double[]> weights = sc.broadcast(model.weights());
        NetworkAdapter.EpochSums v;
        try {
            v = blocks.treeAggregate(NetworkAdapter.EpochSums.NONE,
                    (acc, block) -> acc.plus(block.validate(modelJson.value(), weights.value(), batchSize)),
                    NetworkAdapter.EpochSums::plus, settings.depth());
        } catch (Exception e) {
            throw PlugnetSparkException.unwrap(e);
        } finally {
            weights.destroy();
        }
        return new LossAndAccuracy(v.lossSum() / v.rows(), (double) v.correct() / v.rows(), v.rows());
    }
}
