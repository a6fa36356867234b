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
        assertTrue(r.out().contains("plugnet cv: model iris-4-8-3, data iris.csv (bundled), 150 rows, 3 folds"), r.out());
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
}
