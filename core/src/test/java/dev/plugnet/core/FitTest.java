package dev.plugnet.core;

import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.train.EpochStats;
import dev.plugnet.core.train.History;
import dev.plugnet.core.train.TrainingListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitTest {
    private static final Plugnet PLUGNET = Plugnet.boot();
    private static final ModelSpec SPEC = PLUGNET.parseSpec(Blobs.SPEC);

    @Test
    void trainsOnArraysAndPredictsTheTrainingClassesWell() {
        Blobs data = Blobs.of(300, 1);
        TrainedModel model = PLUGNET.fit(SPEC).on(data.featureNames(), data.x(), data.y());
        assertEquals(Blobs.FEATURES, model.featureNames());
        assertEquals(List.of("hyper", "hypo", "normal"), model.classNames(), "classes sorted, as for a CSV file");
        Evaluation e = model.evaluate(Blobs.of(150, 2).x(), Blobs.of(150, 2).y());
        assertTrue(e.accuracy() > 0.9, "separable blobs: " + e.accuracy());
        assertEquals(150, e.rows());
        Prediction p = model.predict(data.x()[1]);
        assertEquals("hyper", p.className());
        assertEquals(1.0, p.probabilities()[0] + p.probabilities()[1] + p.probabilities()[2], 1e-12);
        assertEquals(p.probability("hyper"), p.scores().get("hyper"));
    }

    @Test
    void theSameSeedTrainsTheSameWeightsAndSettingsOverrideTheSpec() {
        Blobs data = Blobs.of(120, 3);
        List<Integer> epochs = new ArrayList<>();
        TrainedModel a = PLUGNET.fit(SPEC).epochs(7).patience(0).onEpoch(s -> epochs.add(s.epoch()))
                .on(data.featureNames(), data.x(), data.y());
        TrainedModel b = PLUGNET.fit(SPEC).epochs(7).patience(0).on(data.featureNames(), data.x(), data.y());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), epochs);
        assertEquals(7, a.history().size());
        assertEquals(7, a.spec().training().epochs(), "the spec records the settings that ran");
        assertArrayEquals(a.weights().get("layers[0].W").data(), b.weights().get("layers[0].W").data());
        TrainedModel c = PLUGNET.fit(SPEC).epochs(7).patience(0).seed(9).on(data.featureNames(), data.x(), data.y());
        assertFalse(java.util.Arrays.equals(a.weights().get("layers[0].W").data(),
                c.weights().get("layers[0].W").data()));
    }

    @Test
    void aSeparateValidationSetIsUsedInsteadOfASplit() {
        Blobs train = Blobs.of(90, 4);
        Blobs validation = Blobs.of(30, 5);
        List<Double> losses = new ArrayList<>();
        TrainedModel model = PLUGNET.fit(SPEC).epochs(5).patience(0).validation(validation.x(), validation.y())
                .onEpoch(s -> losses.add(s.validationLoss())).on(train.featureNames(), train.x(), train.y());
        assertEquals(losses.get(4), model.evaluate(validation.x(), validation.y()).loss(), 1e-12,
                "the last epoch's validation loss is the loss on the given rows");
        int[] batches = new int[1];
        PLUGNET.fit(SPEC).epochs(1).validation(validation.x(), validation.y()).listener(new TrainingListener() {
            @Override
            public void started(int first, int last, int count, int rows) {
                batches[0] = rows;
            }
        }).on(train.featureNames(), train.x(), train.y());
        assertEquals(90, batches[0], "every given row trains");
    }

    @Test
    void everyListenerAddedHearsTheRun() {
        Blobs data = Blobs.of(60, 9);
        List<Integer> epochs = new ArrayList<>();
        int[] batches = new int[1];
        PLUGNET.fit(SPEC).epochs(3).patience(0).onEpoch(s -> epochs.add(s.epoch())).listener(new TrainingListener() {
            @Override
            public void batchDone(int epoch, int batch, double loss) {
                batches[0]++;
            }
        }).on(data.featureNames(), data.x(), data.y());
        assertEquals(List.of(1, 2, 3), epochs);
        assertEquals(3 * 3, batches[0], "48 training rows in batches of 16, three epochs");
    }

    @Test
    void classIndexLabelsTakeTheGivenClassNames() {
        Blobs data = Blobs.of(90, 6);
        TrainedModel model = PLUGNET.fit(SPEC).epochs(3).classNames(Blobs.CLASSES)
                .on(data.featureNames(), data.x(), data.indices());
        assertEquals(Blobs.CLASSES, model.classNames());
        TrainedModel unnamed = PLUGNET.fit(SPEC).epochs(3).on(data.featureNames(), data.x(), data.indices());
        assertEquals(List.of("0", "1", "2"), unnamed.classNames());
        assertEquals(90, unnamed.evaluate(data.x(), data.indices()).rows());
    }

    @Test
    void cancellingStopsAfterTheCurrentStepAndRestoresTheBestEpoch() {
        Blobs data = Blobs.of(300, 7);
        Cancellation stop = new Cancellation();
        List<EpochStats> seen = new ArrayList<>();
        int[] steps = new int[1];
        TrainedModel model = PLUGNET.fit(SPEC).epochs(100).patience(50).validationFraction(0.3).cancellation(stop)
                .listener(new TrainingListener() {
                    @Override
                    public void batchDone(int epoch, int batch, double loss) {
                        steps[0]++;
                        if (epoch == 6 && batch == 3) {
                            stop.cancel();
                        }
                    }

                    @Override
                    public void epochDone(EpochStats stats, boolean best) {
                        seen.add(stats);
                    }
                }).on(data.featureNames(), data.x(), data.y());
        History h = model.history();
        assertEquals(5, h.size(), "epoch 6 never finished");
        assertEquals(5 * 14 + 3, steps[0], "the step that was running when cancel came finished; no other began");
        int best = 1;
        for (EpochStats s : seen) {
            if (s.validationLoss() < seen.get(best - 1).validationLoss()) {
                best = s.epoch();
            }
        }
        assertEquals(best, h.bestEpoch());
        // the model holds the best epoch's weights: its loss on the validation rows is that epoch's
        TrainedModel again = PLUGNET.fit(SPEC).epochs(best).patience(0).validationFraction(0.3)
                .on(data.featureNames(), data.x(), data.y());
        assertArrayEquals(again.weights().get("layers[1].W").data(), model.weights().get("layers[1].W").data());
    }

    @Test
    void cancellingBeforeAnyEpochEndsGivesTheStartingWeights() {
        Blobs data = Blobs.of(60, 8);
        Cancellation stop = new Cancellation();
        stop.cancel();
        TrainedModel model = PLUGNET.fit(SPEC).cancellation(stop).on(data.featureNames(), data.x(), data.y());
        assertEquals(0, model.history().size());
        TrainedModel untrained = PLUGNET.fit(SPEC).cancellation(() -> true).on(data.featureNames(), data.x(), data.y());
        assertArrayEquals(untrained.weights().get("layers[0].W").data(), model.weights().get("layers[0].W").data());
    }
}
