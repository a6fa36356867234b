package dev.plugnet.core;

import dev.plugnet.core.data.ArrayData;
import dev.plugnet.core.data.Dataset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CrossValidation} from a program: a classifier's stratified folds, a regression's, the folds' settings. */
class CrossValidationTest {
    private static final Plugnet PLUGNET = Plugnet.boot();

    @Test
    void aRegressionIsCrossValidatedWithEveryFoldTrainedByTheRequestsSettings() {
        SplittableRandom random = new SplittableRandom(11);
        double[][] x = new double[120][2];
        double[][] y = new double[120][1];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = random.nextDouble(-1, 1);
            x[i][1] = random.nextDouble(-1, 1);
            y[i][0] = 10 + 4 * x[i][0] - 2 * x[i][1] + random.nextDouble(-0.1, 0.1);
        }
        Dataset data = new ArrayData("x", "y").forRegression(List.of("a", "b"), x, List.of("t"), y);
        var spec = new TrainingOverrides(4, 8, null, null, null, null, null, 0, null, null, null)
                .applyTo(PLUGNET.parseSpec("""
                        {"layers": [{"type": "dense", "units": 6, "activation": "tanh"}, {"type": "dense"}],
                         "loss": "mse", "optimizer": {"type": "adam", "learning_rate": 0.02}, "seed": 3}"""));
        List<Integer> epochsHeard = new ArrayList<>();
        TrainingRequest folds = TrainingRequest.of(spec, data).withListener(new dev.plugnet.core.train.TrainingListener() {
            @Override
            public void epochDone(dev.plugnet.core.train.EpochStats stats, boolean best) {
                epochsHeard.add(stats.epoch());
                assertTrue(stats.validationRegression() != null, "each fold validates in the targets' units");
            }
        });
        CrossValidation.Result result = CrossValidation.run(PLUGNET, folds, 3, null);
        assertEquals(3, result.folds().size());
        int tested = 0;
        for (CrossValidation.Fold f : result.folds()) {
            tested += f.testRows();
            assertEquals(120, f.trainRows() + f.testRows());
            assertEquals(4, f.bestEpoch(), "patience 0 and 4 epochs: every fold keeps its fourth epoch");
            assertEquals(List.of("mae", "rmse", "r2", "loss"), List.copyOf(f.metrics().keySet()));
        }
        assertEquals(120, tested, "every row is tested once");
        assertEquals(12, epochsHeard.size(), "4 epochs in each of the 3 folds, heard by the request's listener");
        assertEquals(List.of("mae", "rmse", "r2", "loss"), result.summaries().stream().map(CrossValidation.Summary::name)
                .toList());
        assertEquals(result.summaries().get(1).mean(), result.folds().stream()
                .mapToDouble(f -> f.metrics().get("rmse")).average().orElseThrow(), 1e-12);
        CrossValidation.Result again = CrossValidation.run(PLUGNET, TrainingRequest.of(spec, data), 3, null);
        assertEquals(result.folds(), again.folds(), "the seed makes it repeatable");
    }

    @Test
    void aClassifierIsCrossValidatedOnEqualFoldsWithItsClassificationMetrics() {
        Blobs blobs = Blobs.of(90, 2);
        Dataset data = new ArrayData("x", "y").forTraining(blobs.featureNames(), blobs.x(), blobs.y());
        var spec = new TrainingOverrides(3, null, null, null, null, null, null, 0, null, null, null)
                .applyTo(PLUGNET.parseSpec(Blobs.SPEC));
        CrossValidation.Result result = CrossValidation.run(PLUGNET, TrainingRequest.of(spec, data), 3, null);
        for (CrossValidation.Fold f : result.folds()) {
            assertEquals(30, f.testRows(), "90 rows in 3 folds");
            assertTrue(f.metrics().containsKey("balanced_accuracy"));
        }
    }
}
