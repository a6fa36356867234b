package dev.plugnet.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code plugnet train}, run through the real command line against the bundled data. */
class TrainCommandTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void theDefaultThyroidNetworkReaches95PercentOnItsHeldOutTestRows() {
        Path out = dir.resolve("thyroid.json");
        Cli.Result r = Cli.run("train", "--out", out.toString(), "--json");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode report = JSON.readTree(r.out());
        assertEquals("thyroid-5-4-3", report.get("model").stringValue());
        double accuracy = report.get("test").get("accuracy").doubleValue();
        assertTrue(accuracy >= 0.95, "held-out accuracy " + accuracy);
        assertEquals(43, report.get("test").get("rows").intValue(), "20% of 215 rows, stratified");
        assertTrue(report.get("throughput").get("samples_per_second").doubleValue() > 0);
        assertTrue(Files.exists(out));
        // progress went to standard error, one line per epoch (not a terminal)
        assertTrue(r.err().contains("epoch   1/300  train loss"), r.err());
    }

    @Test
    void theIrisExampleReaches93PercentOnItsHeldOutTestRows() {
        Path out = dir.resolve("iris.json");
        Cli.Result r = Cli.run("train", "--config", "iris", "--out", out.toString(), "--json");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode report = JSON.readTree(r.out());
        double accuracy = report.get("test").get("accuracy").doubleValue();
        assertTrue(accuracy >= 0.93, "held-out accuracy " + accuracy);
        assertEquals(30, report.get("test").get("rows").intValue());
    }

    @Test
    void theSameSeedAndDataGiveBitIdenticalCheckpoints() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertEquals(0, Cli.run("train", "--epochs", "40", "--out", a.toString()).code());
        assertEquals(0, Cli.run("train", "--epochs", "40", "--out", b.toString()).code());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        Path c = dir.resolve("c.json");
        assertEquals(0, Cli.run("train", "--epochs", "40", "--seed", "7", "--out", c.toString()).code());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)), "another seed, other weights");
    }

    @Test
    void wideLayersOnTwoThreadsGiveTheSameBitsAsOnOne() throws IOException {
        // products of 128×128×256 multiply-adds are above the threading threshold, so --threads 2 really splits them
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        StringBuilder csv = new StringBuilder();
        for (int j = 0; j < 128; j++) {
            csv.append('f').append(j).append(',');
        }
        csv.append("label\n");
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 128; j++) {
                csv.append(random.nextGaussian()).append(',');
            }
            csv.append("c").append(i % 3).append('\n');
        }
        Path data = Files.writeString(dir.resolve("wide.csv"), csv);
        Path config = Files.writeString(dir.resolve("wide.json"), """
                {"name": "wide", "inputs": 128,
                 "layers": [{"type": "dense", "units": 256, "activation": "sigmoid"},
                            {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy", "optimizer": {"type": "sgd", "learning_rate": 0.1},
                 "training": {"epochs": 3, "batch_size": 128}}""");
        Path one = dir.resolve("one.json");
        Path two = dir.resolve("two.json");
        Path twoAgain = dir.resolve("two-again.json");
        String[] common = {"train", "--config", config.toString(), "--data", data.toString()};
        assertEquals(0, Cli.run(concat(common, "--threads", "1", "--out", one.toString())).code());
        assertEquals(0, Cli.run(concat(common, "--threads", "2", "--out", two.toString())).code());
        assertEquals(0, Cli.run(concat(common, "--threads", "2", "--out", twoAgain.toString())).code());
        assertArrayEquals(Files.readAllBytes(two), Files.readAllBytes(twoAgain));
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        assertEquals(2, Cli.run(concat(common, "--threads", "0")).code());
    }

    @Test
    void aConfigWithoutAnOptimizerTrainsOnlyWithOneAndOtherwiseTheMessageNamesTheFileAndThePath() throws Exception {
        Path config = Files.writeString(dir.resolve("no-optimizer.json"), """
                {"inputs": 4, "layers": [{"type": "dense", "units": 4, "activation": "sigmoid"},
                            {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy", "training": {"epochs": 2}}""");
        Path out = dir.resolve("no-optimizer-out.json");
        Cli.Result refused = Cli.run("train", "--config", config.toString(), "--data", "iris", "--out",
                out.toString());
        assertEquals(ExitCodes.BAD_INPUT, refused.code());
        assertEquals("plugnet: " + config + " optimizer: training needs an optimizer and the model names none; add"
                + " \"optimizer\": a name or {\"type\": name, options…}, one of the installed: adam, momentum, sgd"
                + " (or pass --optimizer NAME)", refused.errLine());
        assertTrue(Files.notExists(out), "nothing is written");
        Cli.Result gradcheck = Cli.run("gradcheck", "--config", config.toString());
        assertEquals(0, gradcheck.code(), "gradcheck needs no optimizer: " + gradcheck.err());
        Cli.Result trained = Cli.run("train", "--config", config.toString(), "--data", "iris", "--optimizer", "adam",
                "--out", out.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue((trained.out() + trained.err()).contains("optimizer adam"), trained.out() + trained.err());
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void printsEpochLinesTheTestReportAndWhereTheCheckpointWent() {
        Path out = dir.resolve("t.json");
        Cli.Result r = Cli.run("train", "--epochs", "5", "--patience", "0", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("backward tail: shortcut softmax_cross_entropy"), r.out());
        assertTrue(r.out().contains("epoch 5/5  train loss"), r.out());
        assertTrue(r.out().contains("held-out test: accuracy"), r.out());
        assertTrue(r.out().contains("confusion matrix"), r.out());
        assertTrue(r.out().contains("throughput: "), r.out());
        assertTrue(r.out().contains("checkpoint: " + out), r.out());
    }

    @Test
    void flagsOverrideTheConfigAndNoShortcutRunsTheGenericPath() {
        Path out = dir.resolve("g.json");
        Cli.Result r = Cli.run("train", "--epochs", "3", "--batch-size", "32", "--optimizer", "sgd",
                "--learning-rate", "0.3", "--validation-fraction", "0.2", "--test-fraction", "0.1", "--no-shortcut",
                "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("backward tail: generic"), r.err());
        assertTrue(r.err().contains("batch size 32, optimizer sgd (learning rate 0.3)"), r.err());
        JsonNode report = JSON.readTree(r.out());
        assertEquals(3, report.get("epochs_run").intValue());
        assertEquals(0.3, report.get("history").get(0).get("learning_rate").doubleValue());
        JsonNode checkpoint = JSON.readTree(out.toFile());
        assertEquals(32, checkpoint.get("config").get("training").get("batch_size").intValue());
        assertFalse(checkpoint.get("config").get("shortcuts").booleanValue());
    }

    @Test
    void resumeContinuesTheHistoryWithTheSavedOptimizerState() {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        assertEquals(0, Cli.run("train", "--epochs", "10", "--patience", "0", "--out", first.toString()).code());
        Cli.Result r = Cli.run("train", "--resume", first.toString(), "--epochs", "5", "--out", second.toString(),
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode checkpoint = JSON.readTree(second.toFile());
        JsonNode epochs = checkpoint.get("history").get("epochs");
        assertEquals(15, epochs.size());
        assertEquals(11, epochs.get(10).get("epoch").intValue());
        assertEquals(5, JSON.readTree(r.out()).get("epochs_run").intValue());
    }

    @Test
    void resumingAndTrainingStraightThroughGiveTheSameWeights() throws IOException {
        Path straight = dir.resolve("straight.json");
        Path half = dir.resolve("half.json");
        Path resumed = dir.resolve("resumed.json");
        assertEquals(0, Cli.run("train", "--epochs", "12", "--patience", "0", "--out", straight.toString()).code());
        assertEquals(0, Cli.run("train", "--epochs", "6", "--patience", "0", "--out", half.toString()).code());
        assertEquals(0, Cli.run("train", "--resume", half.toString(), "--epochs", "6", "--out", resumed.toString()).code());
        assertEquals(JSON.readTree(straight.toFile()).get("weights"), JSON.readTree(resumed.toFile()).get("weights"));
    }

    @Test
    void withoutOutItWritesAFreshFileUnderRunsAndNeverOverwritesOne() throws IOException {
        Path runs = dir.resolve("runs");
        Files.createDirectories(runs);
        Files.writeString(runs.resolve("thyroid-5-4-3.json"), "mine");
        Path fresh = OutputFiles.freshCheckpoint(runs, "thyroid-5-4-3");
        assertEquals(runs.resolve("thyroid-5-4-3-2.json"), fresh);
        assertEquals("mine", Files.readString(runs.resolve("thyroid-5-4-3.json")));
    }

    @Test
    void writesThePlotAsAPng() throws IOException {
        Path plot = dir.resolve("curves.png");
        Cli.Result r = Cli.run("train", "--epochs", "5", "--out", dir.resolve("p.json").toString(), "--plot",
                plot.toString());
        assertEquals(0, r.code(), r.err());
        byte[] png = Files.readAllBytes(plot);
        assertTrue(png.length > 1000);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void aLossThatOverflowsStopsWithEpochAndBatchExitsOneAndKeepsTheLastGoodCheckpoint() throws IOException {
        Path config = Cli.resource("explodes.json", dir);
        Path out = dir.resolve("explodes-out.json");
        Cli.Result r = Cli.run("train", "--config", config.toString(), "--data", "friedman", "--out", out.toString());
        assertEquals(ExitCodes.FAILED, r.code(), r.err());
        assertTrue(r.err().contains("plugnet: epoch 5, batch 6 of 21: training stopped: loss: the loss is Infinity"),
                r.err());
        assertTrue(r.err().contains("kept the last good checkpoint (epoch 4)"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        JsonNode checkpoint = JSON.readTree(out.toFile());
        assertEquals(4, checkpoint.get("history").get("epochs").size());
        for (JsonNode w : checkpoint.get("weights")) {
            for (JsonNode v : w.get("values")) {
                assertTrue(Double.isFinite(v.doubleValue()));
            }
        }
    }

    @Test
    void helpDescribesEveryOption() {
        Cli.Result r = Cli.run("train", "--help");
        assertEquals(0, r.code());
        for (String option : new String[] {"--config", "--data", "--out", "--epochs", "--batch-size", "--optimizer",
            "--learning-rate", "--seed", "--validation-fraction", "--test-fraction", "--patience", "--resume",
            "--json", "--plot", "--no-shortcut", "--checkpoint-every"}) {
            assertTrue(r.out().contains(option), option);
        }
    }
}
