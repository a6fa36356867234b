package dev.plugnet.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library's side of the data-scientist features: a regression on arrays, inferred widths, class weights. */
class LibraryRegressionTest {
    private static final Plugnet PLUGNET = Plugnet.boot();

    @Test
    void aRegressionOnArraysPredictsInTheTargetsUnitsAndSavesItsScaling() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] x = new double[300][2];
        double[][] y = new double[300][1];
        for (int i = 0; i < 300; i++) {
            x[i][0] = random.nextDouble(-1, 1);
            x[i][1] = random.nextDouble(-1, 1);
            y[i][0] = 1000 + 50 * x[i][0] - 20 * x[i][1];
        }
        var spec = PLUGNET.parseSpec("""
                {"layers": [{"type": "dense", "units": 8, "activation": "tanh"}, {"type": "dense", "units": "auto"}],
                 "loss": "huber", "optimizer": {"type": "adam", "learning_rate": 0.02}, "training": {"epochs": 200}}""");
        TrainedModel model = PLUGNET.fit(spec).onTargets(List.of("a", "b"), x, List.of("price"), y);
        assertTrue(model.isRegression());
        assertEquals(2, model.spec().inputs(), "inputs from the data");
        assertEquals(List.of("price"), model.classNames());
        double[][] p = model.predictValues(new double[][] {{0.5, -0.5}, {0, 0}});
        assertEquals(1000 + 25 + 10, p[0][0], 3.0, "in the target's units");
        assertEquals(1000, p[1][0], 3.0);
        TrainedModel loaded = PLUGNET.fromJson(model.toJson());
        assertEquals(p[0][0], loaded.predictValues(new double[][] {{0.5, -0.5}})[0][0], 0.0, "saved with its scaling");

        Predictor predictor = loaded.newPredictor();
        double[] values = new double[1];
        predictor.predictValues(new double[] {0.5, -0.5}, values);
        assertEquals(p[0][0], values[0], 0.0, "the per-thread predictor gives the model's values, in the target's units");
        IllegalStateException probabilities = assertThrows(IllegalStateException.class,
                () -> model.predict(new double[] {0, 0}));
        assertEquals("a regression predicts values, not class probabilities: use predictValues",
                probabilities.getMessage());
        assertThrows(IllegalStateException.class, () -> model.predictProbabilities(new double[][] {{0, 0}}));
        assertThrows(IllegalStateException.class, () -> predictor.predict(new double[] {0, 0}, new double[1]));
    }

    @Test
    void aClassifiersPredictorRefusesToPredictValues() {
        Blobs data = Blobs.of(90, 1);
        TrainedModel model = PLUGNET.fit(PLUGNET.parseSpec(Blobs.SPEC)).epochs(2).on(data.featureNames(), data.x(), data.y());
        assertThrows(IllegalStateException.class,
                () -> model.newPredictor().predictValues(data.x()[0], new double[model.classNames().size()]));
    }

    @Test
    void balancedClassWeightsGoIntoTheTrainedModelsLoss() {
        Blobs data = Blobs.of(90, 1);
        TrainedModel model = PLUGNET.fit(PLUGNET.parseSpec(Blobs.SPEC)).epochs(3).balancedClassWeights()
                .on(data.featureNames(), data.x(), data.y());
        assertTrue(model.spec().loss().options().containsKey("class_weights"), model.spec().loss().toString());
    }
}
