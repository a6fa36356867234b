package dev.plugnet.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code plugnet cv} through the real command line. */
class CvCommandTest {
    @Test
    void printsOneLinePerFoldAndTheMeanAndStandardDeviation() {
        Cli.Result r = Cli.run("cv", "--config", "iris", "--folds", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("plugnet cv: model iris-4-8-3, data iris.csv (bundled), 150 rows, 3 stratified folds"), r.out());
        for (int f = 1; f <= 3; f++) {
            assertTrue(r.out().contains("fold " + f + "/3: 100 train, 50 test rows, kept epoch "), r.out());
        }
        assertTrue(r.out().matches("(?s).*\\nmean ± std: accuracy 0\\.9[0-9]+ ± 0\\.[0-9]+, macro_f1 .*, loss .*"), r.out());
    }

    @Test
    void theJsonSummaryIsTheMeanAndSampleStandardDeviationOfTheFolds() {
        Cli.Result r = Cli.run("cv", "--config", "friedman", "--folds", "4", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        JsonNode folds = root.get("per_fold");
        assertEquals(4, folds.size());
        int rows = 0;
        double sum = 0;
        for (JsonNode f : folds) {
            rows += f.get("test_rows").intValue();
            sum += f.get("rmse").doubleValue();
        }
        assertEquals(500, rows, "every row is tested once");
        double mean = sum / 4;
        double squares = 0;
        for (JsonNode f : folds) {
            squares += Math.pow(f.get("rmse").doubleValue() - mean, 2);
        }
        assertEquals(mean, root.get("summary").get("rmse").get("mean").doubleValue(), 1e-12);
        assertEquals(Math.sqrt(squares / 3), root.get("summary").get("rmse").get("std").doubleValue(), 1e-12);
        assertTrue(root.get("summary").get("r2").get("mean").doubleValue() > 0.85);
    }

    @Test
    void tooFewFoldsIsAUsageError() {
        Cli.Result r = Cli.run("cv", "--folds", "1");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.errLine().contains("--folds must be at least 2, got 1"), r.err());
    }

    @Test
    void eachFoldTrainsWithTheTrainingFlagsTrainTakes() {
        Cli.Result r = Cli.run("cv", "--config", "iris", "--folds", "3", "--epochs", "7", "--patience", "0",
                "--seed", "9", "--batch-size", "8", "--learning-rate", "0.05", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3 stratified folds (seed 9)"), r.out());
        assertTrue(r.out().contains("each fold: up to 7 epochs, batch size 8, optimizer adam, validation fraction 0.15,"
                + " no early stopping"), r.out());
        for (int f = 1; f <= 3; f++) {
            assertTrue(r.out().contains("fold " + f + "/3: 100 train, 50 test rows, kept epoch 7: "), r.out());
        }
        Cli.Result same = Cli.run("cv", "--config", "iris", "--folds", "3", "--epochs", "7", "--patience", "0",
                "--seed", "9", "--batch-size", "8", "--learning-rate", "0.05", "--threads", "1");
        assertEquals(r.out(), same.out(), "the seed makes the folds and the training repeatable");
        Cli.Result otherSeed = Cli.run("cv", "--config", "iris", "--folds", "3", "--epochs", "7", "--patience", "0",
                "--seed", "10", "--batch-size", "8", "--learning-rate", "0.05", "--threads", "1");
        assertTrue(!r.out().equals(otherSeed.out().replace("(seed 10)", "(seed 9)")), "--seed reaches the folds");
    }

    @Test
    void aRegressionIsCrossValidatedWithEarlyStoppingOnItsRmse() {
        Cli.Result r = Cli.run("cv", "--config", "friedman", "--folds", "3", "--epochs", "60", "--patience", "5",
                "--monitor", "validation_rmse", "--ignore", "x5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("500 rows, 3 shuffled folds (seed 42)"), r.out());
        Cli.Result ignored = Cli.run("cv", "--config", "friedman", "--folds", "3", "--epochs", "60", "--patience", "5",
                "--monitor", "validation_rmse", "--features", "x1,x2,x3,x4");
        assertEquals(r.out(), ignored.out(), "--ignore x5 and --features x1,…,x4 train on the same columns");
        assertTrue(!r.out().equals(Cli.run("cv", "--config", "friedman", "--folds", "3", "--epochs", "60",
                "--patience", "5", "--monitor", "validation_rmse").out()), "the column choice reaches each fold");
        assertTrue(r.out().contains("early stopping on the validation rmse (patience 5)"), r.out());
        assertTrue(r.out().matches("(?s).*\nmean ± std: mae [0-9.]+ ± [0-9.]+, rmse [0-9.]+ ± [0-9.]+, r2 0\\.[0-9]+ ±"
                + " [0-9.]+, loss .*"), r.out());
    }

    @Test
    void aTrainingFlagOutOfRangeOrAMonitorTheModelLacksIsAUsageError() {
        Cli.Result epochs = Cli.run("cv", "--epochs", "0");
        assertEquals(ExitCodes.BAD_INPUT, epochs.code());
        assertTrue(epochs.errLine().contains("--epochs must be a positive integer, got 0"), epochs.err());
        Cli.Result monitor = Cli.run("cv", "--config", "iris", "--monitor", "validation_mae");
        assertEquals(ExitCodes.BAD_INPUT, monitor.code());
        assertEquals("plugnet: --monitor validation_mae: a classifier has no \"validation_mae\"; it may monitor"
                + " validation_loss, validation_accuracy (see 'plugnet cv --help')", monitor.errLine());
    }
}
