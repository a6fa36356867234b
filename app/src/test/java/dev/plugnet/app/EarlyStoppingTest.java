package dev.plugnet.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Early stopping through the real {@code train}: on by default, what it watches, and what it keeps. */
class EarlyStoppingTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private static String irisConfig(String training) {
        return """
                {"name": "iris-small", "inputs": 4,
                 "layers": [{"type": "dense", "units": 8, "activation": "tanh"},
                            {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy", "optimizer": {"type": "adam", "learning_rate": 0.05}, "seed": 3,
                 "training": {%s}}""".formatted(training);
    }

    private JsonNode train(String training, String... more) throws IOException {
        Path config = Files.writeString(dir.resolve("c.json"), irisConfig(training));
        String[] args = {"train", "--config", config.toString(), "--data", "iris", "--json", "--out",
            dir.resolve("out.json").toString()};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        Cli.Result r = Cli.run(all);
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void earlyStoppingIsOnByDefaultAndKeepsTheBestEpochsWeights() throws IOException {
        JsonNode report = train("\"epochs\": 2000");
        assertTrue(report.get("stopped_early").booleanValue(), "a default patience stops long before 2000 epochs");
        int best = report.get("best_epoch").intValue();
        int last = report.get("last_epoch").intValue();
        assertEquals(best + 20, last, "the documented default patience is 20 epochs");
        JsonNode history = report.get("history");
        double bestLoss = history.get(best - 1).get("validation_loss").doubleValue();
        for (JsonNode e : history) {
            assertTrue(e.get("validation_loss").doubleValue() >= bestLoss, "the kept epoch has the lowest validation loss");
        }
        // the checkpoint holds that epoch's weights: evaluating the whole file reproduces nothing of the last epoch,
        // but the checkpoint's history names the kept epoch
        JsonNode checkpoint = JSON.readTree(Files.readString(dir.resolve("out.json")));
        assertEquals(best, checkpoint.get("history").get("best_epoch").intValue());
    }

    @Test
    void theReportSaysWhereTrainingStoppedAndWhichWeightsItKept() throws IOException {
        Path config = Files.writeString(dir.resolve("c.json"), irisConfig("\"epochs\": 2000, \"patience\": 5"));
        Cli.Result r = Cli.run("train", "--config", config.toString(), "--data", "iris", "--out",
                dir.resolve("out.json").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("early stopping on the validation loss (patience 5)"), r.out());
        assertTrue(r.out().matches("(?s).*, stopped early after epoch (\\d+) \\(5 epochs without improvement\\);"
                + " kept the weights of epoch \\d+ .*"), r.out());
    }

    @Test
    void monitorAndMinDeltaComeFromTheConfig() throws IOException {
        JsonNode report = train("\"epochs\": 2000, \"patience\": 8, \"monitor\": \"validation_accuracy\","
                + " \"min_delta\": 0.001");
        JsonNode history = report.get("history");
        int best = report.get("best_epoch").intValue();
        double bestAccuracy = history.get(best - 1).get("validation_accuracy").doubleValue();
        for (JsonNode e : history) {
            double a = e.get("validation_accuracy").doubleValue();
            assertTrue(a <= bestAccuracy + 0.001, "no epoch beats the kept one by more than min_delta");
            if (e.get("epoch").intValue() < best) {
                assertTrue(a < bestAccuracy, "the kept epoch is the first to reach its accuracy");
            }
        }
        assertEquals(best + 8, report.get("last_epoch").intValue());
    }

    @Test
    void patienceZeroTrainsEveryEpochAndKeepsTheLast() throws IOException {
        JsonNode report = train("\"epochs\": 30", "--patience", "0", "--validation-fraction", "0");
        assertFalse(report.get("stopped_early").booleanValue());
        assertEquals(30, report.get("best_epoch").intValue());
        assertEquals(30, report.get("last_epoch").intValue());
    }

    @Test
    void earlyStoppingWithoutValidationRowsIsAUsageErrorAndWritesNothing() {
        Path out = dir.resolve("never.json");
        Cli.Result r = Cli.run("train", "--validation-fraction", "0", "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("plugnet: training.patience: early stopping (patience 50) watches the validation loss, but there"
                + " are no validation rows; give a validation fraction above 0 or a validation file, or set patience 0"
                + " to train every epoch and keep the last weights", r.errLine());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnknownMonitorNamesItsJsonPath() throws IOException {
        Path config = Files.writeString(dir.resolve("c.json"), irisConfig("\"monitor\": \"loss\""));
        Cli.Result r = Cli.run("train", "--config", config.toString(), "--data", "iris");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.errLine().endsWith("training.monitor: expected validation_loss (any model),"
                + " validation_accuracy (a classifier), validation_mae, validation_rmse or validation_r2 (a"
                + " regression), got \"loss\""), r.err());
    }
}
