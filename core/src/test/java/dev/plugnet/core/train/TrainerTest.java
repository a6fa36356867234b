package dev.plugnet.core.train;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.data.Samples;
import dev.plugnet.core.model.ScheduleSpec;
import dev.plugnet.core.model.ScheduleType;
import dev.plugnet.core.network.AssembledModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    private static final Plugnet PLUGNET = Plugnet.boot();

    private static AssembledModel model(double rate) {
        return PLUGNET.assemble(PLUGNET.reader().read("""
                {"inputs": 2, "layers": [{"type": "dense", "units": 6, "activation": "tanh"},
                 {"type": "dense", "units": 2, "activation": "softmax"}], "loss": "cross_entropy",
                 "optimizer": {"type": "adam", "learning_rate": %s}, "seed": 5}""".formatted(rate)));
    }

    /** Two noisy blobs: separable enough to learn, noisy enough that validation loss stops improving. */
    private static Samples blobs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * 2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            double centre = labels[i] == 0 ? -0.5 : 0.5;
            x[2 * i] = centre + r.nextDouble(-1, 1);
            x[2 * i + 1] = centre + r.nextDouble(-1, 1);
        }
        return new Samples(Matrix.wrap(n, 2, x), labels, 2);
    }

    @Test
    void earlyStoppingRestoresTheBestEpochsWeights() {
        AssembledModel model = model(0.05);
        Samples validation = blobs(20, 2);
        List<Double> losses = new ArrayList<>();
        TrainingResult result = new Trainer(new TrainingSettings(400, 8, 10, null, 1))
                .train(model, blobs(40, 1), validation, History.EMPTY, new TrainingListener() {
                    @Override
                    public void epochDone(EpochStats stats, boolean best) {
                        losses.add(stats.validationLoss());
                    }
                });
        History h = result.history();
        assertTrue(h.stoppedEarly(), "noisy data stops improving well before 400 epochs");
        assertEquals(h.bestEpoch() + 10, h.size(), "stops after 10 epochs without improvement");
        double best = losses.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertEquals(best, losses.get(h.bestEpoch() - 1));
        double now = new dev.plugnet.core.metrics.Evaluator(8).lossAndAccuracy(model.network(), validation).loss();
        assertEquals(best, now, 1e-12, "the model holds the best epoch's weights");
        assertEquals(result.throughput().samples(), 40L * h.size());
    }

    @Test
    void schedulesSetTheRateOfEachEpoch() {
        AssembledModel model = model(0.1);
        List<Double> rates = new ArrayList<>();
        new Trainer(new TrainingSettings(4, 8, 0, new ScheduleSpec(ScheduleType.STEP, 2, 0.5, 0), 1))
                .train(model, blobs(16, 1), blobs(4, 2), History.EMPTY, new TrainingListener() {
                    @Override
                    public void epochDone(EpochStats stats, boolean best) {
                        rates.add(stats.learningRate());
                    }
                });
        assertEquals(List.of(0.1, 0.1, 0.05, 0.05), rates);
        LearningRateSchedule cosine = new LearningRateSchedule(new ScheduleSpec(ScheduleType.COSINE, 1, 1, 0.01));
        assertEquals(1.0, cosine.rate(1.0, 1, 11), 1e-15);
        assertEquals(0.505, cosine.rate(1.0, 6, 11), 1e-15);
        assertEquals(0.01, cosine.rate(1.0, 11, 11), 1e-15);
        assertEquals(0.81, new LearningRateSchedule(new ScheduleSpec(ScheduleType.EXPONENTIAL, 1, 0.9, 0)).rate(1.0, 3, 10), 1e-15);
    }

    private static TrainingResult train(TrainingSettings settings, List<EpochStats> seen) {
        return new Trainer(settings).train(model(0.05), blobs(40, 1), blobs(20, 2), History.EMPTY,
                new TrainingListener() {
                    @Override
                    public void epochDone(EpochStats stats, boolean best) {
                        seen.add(stats);
                    }
                });
    }

    @Test
    void monitoringTheValidationAccuracyKeepsTheFirstEpochOfTheHighestAccuracy() {
        List<EpochStats> seen = new ArrayList<>();
        History h = train(new TrainingSettings(400, 8, 10, null, 1, "validation_accuracy", 0.0), seen).history();
        double highest = seen.stream().mapToDouble(EpochStats::validationAccuracy).max().orElseThrow();
        int first = seen.stream().filter(e -> e.validationAccuracy() == highest).findFirst().orElseThrow().epoch();
        assertEquals(first, h.bestEpoch(), "a later epoch of equal accuracy is no improvement");
        assertTrue(h.stoppedEarly());
        assertEquals(h.bestEpoch() + 10, h.size());
    }

    @Test
    void minDeltaCountsOnlyImprovementsLargerThanIt() {
        List<EpochStats> seen = new ArrayList<>();
        double minDelta = 0.01;
        History h = train(new TrainingSettings(400, 8, 5, null, 1, "validation_loss", minDelta), seen).history();
        // replay the rule: an epoch improves when its loss is below the best so far by more than min_delta
        double best = Double.NaN;
        int bestEpoch = 0;
        for (EpochStats e : seen) {
            if (Double.isNaN(best) || e.validationLoss() < best - minDelta) {
                best = e.validationLoss();
                bestEpoch = e.epoch();
            }
        }
        assertEquals(bestEpoch, h.bestEpoch());
        assertEquals(bestEpoch + 5, h.size());
        List<EpochStats> plain = new ArrayList<>();
        assertTrue(train(new TrainingSettings(400, 8, 5, null, 1), plain).history().size() >= h.size(),
                "a least improvement stops no later than none");
    }

    @Test
    void earlyStoppingWithoutValidationRowsIsRefusedBeforeAnyEpoch() {
        AssembledModel model = model(0.05);
        Samples none = new Samples(Matrix.zeros(0, 2), new int[0], 2);
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.plugnet.api.ConfigException.class,
                () -> new Trainer(new TrainingSettings(5, 8, 3, null, 1)).train(model, blobs(16, 1), none,
                        History.EMPTY, new TrainingListener() { }));
        assertEquals("training.patience: early stopping (patience 3) watches the validation loss, but there are no"
                + " validation rows; give a validation fraction above 0 or a validation file, or set patience 0 to"
                + " train every epoch and keep the last weights", e.getMessage());
    }

    @Test
    void withoutEarlyStoppingTheBestEpochIsTheLastBecauseItsWeightsAreKept() {
        List<EpochStats> seen = new ArrayList<>();
        History h = train(new TrainingSettings(7, 8, 0, null, 1), seen).history();
        assertEquals(7, h.size());
        assertEquals(7, h.bestEpoch());
        assertTrue(!h.stoppedEarly());
    }
}
