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
    @Test
    void aRegressionTakesItsOwnValidationTargetsAndRecordsTheirErrorsPerEpochInTheTargetsUnits() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] x = new double[200][2];
        double[][] y = new double[200][2];
        double[][] vx = new double[60][2];
        double[][] vy = new double[60][2];
        for (double[][][] rows : new double[][][][] {{x, y}, {vx, vy}}) {
            for (int i = 0; i < rows[0].length; i++) {
                rows[0][i][0] = random.nextDouble(-1, 1);
                rows[0][i][1] = random.nextDouble(-1, 1);
                rows[1][i][0] = 500 + 40 * rows[0][i][0] + random.nextDouble(-2, 2);
                rows[1][i][1] = -3 * rows[0][i][1];
            }
        }
        var spec = PLUGNET.parseSpec("""
                {"layers": [{"type": "dense", "units": 8, "activation": "tanh"}, {"type": "dense"}],
                 "loss": "mse", "optimizer": {"type": "adam", "learning_rate": 0.02},
                 "training": {"epochs": 80, "patience": 10}}""");
        TrainedModel model = PLUGNET.fit(spec).validation(vx, vy).monitor("validation_rmse")
                .onTargets(List.of("a", "b"), x, List.of("price", "drop"), y);

        var history = model.history();
        var first = history.epochs().get(0);
        assertEquals(200, first.trainRegression().rows(), "every row trains: the validation rows are the ones given");
        assertEquals(60, first.validationRegression().rows());
        assertTrue(Double.isNaN(first.trainAccuracy()) && Double.isNaN(first.validationAccuracy()));
        var best = history.epochs().stream().filter(e -> e.epoch() == history.bestEpoch()).findFirst().orElseThrow();
        for (var e : history.epochs()) {
            assertTrue(e.validationRmse() >= best.validationRmse(), "the kept epoch has the least validation RMSE");
        }
        var kept = dev.plugnet.core.metrics.RegressionMetrics.of(dev.plugnet.api.Matrix.wrap(60, 2,
                java.util.Arrays.stream(vy).flatMapToDouble(java.util.Arrays::stream).toArray()),
                dev.plugnet.api.Matrix.wrap(60, 2, java.util.Arrays.stream(model.predictValues(vx))
                        .flatMapToDouble(java.util.Arrays::stream).toArray()));
        assertEquals(kept.rmse(), best.validationRmse(), 1e-9, "the history's figures are in the targets' units");
        assertEquals(kept.mae(), best.validationMae(), 1e-9);
        assertEquals(kept.r2(), best.validationR2(), 1e-9);
        assertTrue(best.validationRmse() < 5, "trained: " + best.validationRmse());
        assertTrue(first.trainRegression().rmse() > 0 && first.trainRegression().r2() < 1);

        var loaded = PLUGNET.fromJson(model.toJson()).history();
        assertEquals(history.size(), loaded.size());
        assertEquals(best.validationRmse(), loaded.epochs().get(history.bestEpoch() - 1).validationRmse(), 0.0,
                "the checkpoint keeps the per-epoch regression figures");
        assertEquals(first.trainRegression().r2(), loaded.epochs().get(0).trainRegression().r2(), 0.0);
    }

    @Test
    void validationRowsMustBeOfTheModelsKind() {
        double[][] x = {{0, 1}, {1, 0}, {2, 1}, {3, 0}};
        var regression = PLUGNET.parseSpec("""
                {"layers": [{"type": "dense", "units": 3, "activation": "tanh"}, {"type": "dense"}], "loss": "mse",
                 "training": {"epochs": 2, "patience": 0}}""");
        var labels = assertThrows(dev.plugnet.api.ConfigException.class, () -> PLUGNET.fit(regression)
                .validation(x, new String[] {"a", "b", "a", "b"}).onTargets(List.of("p", "q"), x, "y", new double[4]));
        assertTrue(labels.getMessage().contains("a regression needs numeric targets"), labels.getMessage());
        var columns = assertThrows(dev.plugnet.core.data.DataException.class, () -> PLUGNET.fit(regression)
                .validation(x, new double[][] {{1, 2}, {1, 2}, {1, 2}, {1, 2}})
                .onTargets(List.of("p", "q"), x, "y", new double[] {1, 2, 3, 4}));
        assertTrue(columns.getMessage().startsWith("validation y row 1: expected 1 targets, got 2"), columns.getMessage());
        var classifier = assertThrows(dev.plugnet.api.ConfigException.class, () -> PLUGNET.fit(PLUGNET.parseSpec(
                Blobs.SPEC)).validation(x, new double[] {1, 2, 3, 4}).on(List.of("p", "q"), x,
                new String[] {"a", "b", "a", "b"}));
        assertTrue(classifier.getMessage().contains("trained as a classifier"), classifier.getMessage());
        var monitor = assertThrows(dev.plugnet.api.ConfigException.class, () -> PLUGNET.fit(PLUGNET.parseSpec(
                Blobs.SPEC)).monitor("validation_rmse").on(List.of("p", "q"), x, new String[] {"a", "b", "a", "b"}));
        assertEquals("training.monitor: a classifier has no \"validation_rmse\"; it may monitor validation_loss,"
                + " validation_accuracy", monitor.getMessage());
    }
}
