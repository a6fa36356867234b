package dev.plugnet.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Regression through the real {@code train}, {@code evaluate} and {@code predict}, on the bundled friedman example. */
class RegressionTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    private static Path model;
    private static Cli.Result trained;

    @BeforeAll
    static void train() {
        model = dir.resolve("friedman.json");
        trained = Cli.run("train", "--config", "friedman", "--out", model.toString(), "--json");
        assertEquals(0, trained.code(), trained.err());
    }

    @Test
    void theBundledRegressionReachesAnR2Above0point9WithMetricsInTheTargetsUnits() throws IOException {
        JsonNode test = JSON.readTree(trained.out()).get("test");
        assertEquals("regression", test.get("task").stringValue());
        assertEquals(100, test.get("rows").intValue());
        double r2 = test.get("r2").doubleValue();
        double rmse = test.get("rmse").doubleValue();
        assertTrue(r2 > 0.9 && r2 < 1, "R² " + r2);
        assertTrue(rmse > 0.8 && rmse < 2, "RMSE " + rmse + " (the noise has σ = 1)");
        assertTrue(test.get("mae").doubleValue() < rmse);
        assertTrue(trained.err().contains("task: regression (the loss mse on a linear output predicts numbers)"),
                trained.err());
        assertTrue(trained.err().contains("network: 5-16-1 (dense+tanh, dense, mse), 113 parameters (widths from the data)\n"), trained.err());
        JsonNode pre = JSON.readTree(Files.readString(model)).get("preprocessing");
        assertEquals(List.of("y"), JSON.convertValue(pre.get("labels"), List.class));
        assertEquals(1, pre.get("target_means").size());
        assertTrue(pre.get("target_scales").get(0).doubleValue() > 1, "y is standardised with its spread");
    }

    @Test
    void evaluateReportsMaeRmseAndR2() throws IOException {
        Cli.Result r = Cli.run("evaluate", "--model", model.toString(), "--data", "friedman");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*friedman1.csv \\(bundled\\): MAE [0-9.]+, RMSE [0-9.]+, R² 0\\.9[0-9]+ \\(500"
                + " rows, target y\\).*"), r.out());
        Cli.Result misclassified = Cli.run("evaluate", "--model", model.toString(), "--data", "friedman",
                "--misclassified", dir.resolve("m.csv").toString());
        assertEquals(ExitCodes.BAD_INPUT, misclassified.code());
    }

    @Test
    void predictWritesValuesInTheTargetsUnits() throws IOException {
        Path out = dir.resolve("values.csv");
        Cli.Result r = Cli.run("predict", "--model", model.toString(), "--data", "friedman", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("row,predicted_y", lines.get(0));
        assertEquals(501, lines.size());
        List<String[]> data = DataArgument.read("friedman", new dev.plugnet.core.data.CsvTableReader()).rows();
        double squares = 0;
        for (int i = 1; i < lines.size(); i++) {
            double predicted = Double.parseDouble(lines.get(i).split(",")[1]);
            double actual = Double.parseDouble(data.get(i - 1)[5]);
            squares += (predicted - actual) * (predicted - actual);
        }
        double rmse = Math.sqrt(squares / 500);
        assertTrue(rmse < 2, "the values are in y's units: RMSE " + rmse);
    }

    @Test
    void severalTargetColumnsAreOneOutputEach() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,sum,difference\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            double a = random.nextDouble(-1, 1);
            double b = random.nextDouble(-1, 1);
            csv.append(a).append(',').append(b).append(',').append(100 + 3 * (a + b)).append(',').append(a - b).append('\n');
        }
        Path data = Files.writeString(dir.resolve("two.csv"), csv);
        Path config = Files.writeString(dir.resolve("two.json"), """
                {"name": "two", "layers": [{"type": "dense", "units": 8, "activation": "tanh"}, {"type": "dense"}],
                 "loss": "huber", "optimizer": {"type": "adam", "learning_rate": 0.02},
                 "training": {"epochs": 300, "label": "sum,difference"}}""");
        Path out = dir.resolve("two-out.json");
        Cli.Result r = Cli.run("train", "--config", config.toString(), "--data", data.toString(), "--out",
                out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode test = JSON.readTree(r.out()).get("test");
        assertEquals(List.of("sum", "difference"), JSON.convertValue(test.get("targets"), List.class));
        assertTrue(test.get("r2").doubleValue() > 0.95, test.toString());
        assertTrue(r.err().contains("network: 2-8-2 "), r.err());
        Cli.Result p = Cli.run("predict", "--model", out.toString(), "--data", data.toString());
        assertTrue(p.out().startsWith("row,predicted_sum,predicted_difference\n"), p.out());
    }

    @Test
    void aNumericTargetGivenToAClassifierIsRefusedWithTheFix() {
        Cli.Result r = Cli.run("train", "--config", "thyroid", "--data", "friedman", "--out",
                dir.resolve("never.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("plugnet: friedman1.csv (bundled) line 1, column \"y\": holds 500 distinct numbers, not all"
                + " integers, but the model is a classifier (its loss or output activation gives class probabilities),"
                + " which would make each number a class; for a regression give the model a regression loss (\"loss\":"
                + " \"mse\", \"mae\" or \"huber\") and a linear output (no activation, or \"identity\", on the last layer);"
                + " to classify these values anyway, list them in training.classes", r.errLine());
        assertFalse(Files.exists(dir.resolve("never.json")));
    }

    @Test
    void aRegressionHasNoAccuracyToMonitor() throws IOException {
        Path config = Files.writeString(dir.resolve("acc.json"), """
                {"layers": [{"type": "dense", "units": 4, "activation": "tanh"}, {"type": "dense"}], "loss": "mae",
                 "optimizer": "sgd", "training": {"monitor": "validation_accuracy"}}""");
        Cli.Result r = Cli.run("train", "--config", config.toString(), "--data", "friedman", "--out",
                dir.resolve("acc-out.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("plugnet: " + config + " training.monitor: a regression has no \"validation_accuracy\"; it may"
                + " monitor validation_loss, validation_mae, validation_rmse, validation_r2", r.errLine());
    }

    @Test
    void explainAndGradcheckWorkOnTheBundledRegression() {
        Cli.Result explain = Cli.run("explain", "--config", "friedman", "--rows", "2");
        assertEquals(0, explain.code(), explain.err());
        assertTrue(explain.out().contains("standardised over all its rows; targets y"), explain.out());
        assertEquals(0, Cli.run("gradcheck", "--config", "friedman").code());
    }

    @Test
    void everyEpochRecordsItsMaeRmseAndR2InTheTargetsUnitsInTheReportAndTheCheckpoint() throws IOException {
        JsonNode report = JSON.readTree(trained.out());
        JsonNode stored = JSON.readTree(Files.readString(model)).get("history");
        JsonNode epochs = report.get("history");
        assertEquals(stored.get("epochs").size(), epochs.size());
        for (int i = 0; i < epochs.size(); i++) {
            JsonNode e = epochs.get(i);
            JsonNode c = stored.get("epochs").get(i);
            for (String f : List.of("train_mae", "train_rmse", "train_r2", "validation_mae", "validation_rmse",
                    "validation_r2")) {
                assertTrue(e.get(f).isNumber(), f + " in epoch " + (i + 1) + ": " + e);
                assertEquals(e.get(f).doubleValue(), c.get(f).doubleValue(), 0.0, "the checkpoint keeps " + f);
            }
            assertFalse(e.has("validation_accuracy"), "a regression has no accuracy");
            assertTrue(e.get("validation_mae").doubleValue() <= e.get("validation_rmse").doubleValue());
        }
        // R² of the standardised mse loss: 1 − mse / variance, and the training targets have variance 1
        JsonNode first = epochs.get(0);
        assertEquals(1 - first.get("train_loss").doubleValue(), first.get("train_r2").doubleValue(), 1e-12);
        JsonNode kept = epochs.get(report.get("best_epoch").intValue() - 1);
        assertTrue(kept.get("validation_rmse").doubleValue() < 2, "in y's units (the noise has σ = 1): " + kept);
        assertTrue(trained.err().matches("(?s).*\\nepoch +1/500  train loss [0-9.]+ rmse [0-9.]+  val loss [0-9.]+"
                + " rmse [0-9.]+ mae [0-9.]+ r2 [0-9.-]+  lr .*"), trained.err());
    }

    @Test
    void earlyStoppingOnTheValidationRmseKeepsTheEpochWithTheLeastRmse() throws IOException {
        Path out = dir.resolve("by-rmse.json");
        Cli.Result r = Cli.run("train", "--config", "friedman", "--monitor", "validation_rmse", "--patience", "6",
                "--min-delta", "0.001", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("early stopping on the validation rmse (patience 6, min delta 0.001)"), r.err());
        JsonNode report = JSON.readTree(r.out());
        assertTrue(report.get("stopped_early").booleanValue(), r.out());
        int best = report.get("best_epoch").intValue();
        double least = Double.MAX_VALUE;
        int argmin = 0;
        for (JsonNode e : report.get("history")) {
            double v = e.get("validation_rmse").doubleValue();
            if (v < least - 0.001) {
                least = v;
                argmin = e.get("epoch").intValue();
            }
        }
        assertEquals(argmin, best, "the kept epoch is the last that beat the best RMSE by more than min delta");
        assertEquals(best + 6, report.get("last_epoch").intValue());
        String config = JSON.readTree(Files.readString(out)).get("config").get("training").get("monitor").stringValue();
        assertEquals("validation_rmse", config, "the checkpoint records what was monitored");
    }

    @Test
    void aMonitorTheModelLacksIsAUsageErrorNamingTheFlag() {
        Cli.Result r = Cli.run("train", "--config", "friedman", "--monitor", "validation_accuracy", "--out",
                dir.resolve("never.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("plugnet: --monitor validation_accuracy: a regression has no \"validation_accuracy\"; it may"
                + " monitor validation_loss, validation_mae, validation_rmse, validation_r2 (see 'plugnet train"
                + " --help')", r.errLine());
        assertFalse(Files.exists(dir.resolve("never.json")));
    }

    @Test
    void explainAndGradcheckTakeTheWidthsAConfigLeavesToTheDataFromItsColumns() throws IOException {
        Path config = Files.writeString(dir.resolve("open.json"), """
                {"inputs": "auto", "layers": [{"type": "dense", "units": 6, "activation": "tanh"},
                 {"type": "dense", "units": "auto"}], "loss": "mse", "seed": 5}""");
        Cli.Result explain = Cli.run("explain", "--config", config.toString(), "--data", "friedman", "--rows", "2");
        assertEquals(0, explain.code(), explain.err());
        assertTrue(explain.out().matches("(?s).*\\n  x +\\(2×5\\) .*"), explain.out());
        Cli.Result gradcheck = Cli.run("gradcheck", "--config", config.toString(), "--data", "friedman");
        assertEquals(0, gradcheck.code(), gradcheck.err());
        assertTrue(gradcheck.out().contains(", 43 parameters,"), "5·6 + 6 + 6·1 + 1: " + gradcheck.out());
        for (String command : List.of("explain", "gradcheck")) {
            Cli.Result none = Cli.run(command, "--config", config.toString());
            assertEquals(ExitCodes.BAD_INPUT, none.code(), command);
            assertEquals("plugnet: --config " + config + " leaves its widths to the data (\"inputs\" or the last"
                    + " layer's \"units\" is \"auto\" or left out); give --data CSV to take them from its columns,"
                    + " or write them in the model file (see 'plugnet " + command + " --help')", none.errLine());
        }
    }
}
