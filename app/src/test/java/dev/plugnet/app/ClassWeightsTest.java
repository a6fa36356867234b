package dev.plugnet.app;

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

/** Class weights through the real {@code train}, {@code evaluate} and {@code verify-reference}. */
class ClassWeightsTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void balancedWeightsComeFromTheTrainingSplitAndAreRecordedInTheCheckpointsLoss() throws IOException {
        Path out = dir.resolve("balanced.json");
        Cli.Result r = Cli.run("train", "--class-weights", "balanced", "--epochs", "30", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        // new-thyroid's training split (65% of 215, stratified): hyper 23, hypo 19, normal 98 of 140 rows;
        // w_k = n / (K n_k)
        JsonNode checkpoint = JSON.readTree(Files.readString(out));
        JsonNode weights = checkpoint.get("config").get("loss").get("class_weights");
        assertEquals(3, weights.size(), checkpoint.get("config").get("loss").toString());
        JsonNode split = checkpoint.get("preprocessing");
        assertEquals(List.of("hyper", "hypo", "normal"), JSON.convertValue(split.get("labels"), List.class));
        int[] counts = trainingCounts(r.out());
        int n = counts[0] + counts[1] + counts[2];
        for (int k = 0; k < 3; k++) {
            assertEquals((double) n / (3.0 * counts[k]), weights.get(k).doubleValue(), 1e-15);
        }
        assertTrue(r.out().contains("class weights: hyper "), r.out());
        assertFalse(checkpoint.get("config").get("training").has("class_weights"), "resolved into the loss");
        // the checkpoint evaluates and resumes with the same weighted loss
        assertEquals(0, Cli.run("evaluate", "--model", out.toString(), "--data", "thyroid").code());
        Cli.Result resumed = Cli.run("train", "--resume", out.toString(), "--epochs", "2", "--out",
                dir.resolve("resumed.json").toString());
        assertEquals(0, resumed.code(), resumed.err());
    }

    /** @return the per-class training rows: the data line says the split; the stratified split is by share */
    private static int[] trainingCounts(String out) throws IOException {
        // the split puts round(share) of each class in validation and test; recount from the bundled data
        var table = DataArgument.read("thyroid", new dev.plugnet.core.data.CsvTableReader());
        var data = new dev.plugnet.core.data.DatasetReader().forTraining(table, null);
        var split = new dev.plugnet.core.data.StratifiedSplitter(0.15, 0.2).split(data.labels(), 3, 42);
        int[] counts = new int[3];
        for (int row : split.train()) {
            counts[data.labels()[row]]++;
        }
        assertTrue(out.contains("split " + split.train().length + " train"), out);
        return counts;
    }

    @Test
    void aMapWeighsTheNamedClassesAndOthersWeighOne() throws IOException {
        Path config = Files.writeString(dir.resolve("weighted.json"), Files.readString(
                Path.of("src/main/resources/dev/plugnet/app/examples/thyroid-5-4-3.json"))
                .replace("\"patience\": 50", "\"patience\": 50, \"class_weights\": {\"hypo\": 3, \"hyper\": 2}"));
        Path out = dir.resolve("map.json");
        Cli.Result r = Cli.run("train", "--config", config.toString(), "--data", "thyroid", "--epochs", "5", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode weights = JSON.readTree(Files.readString(out)).get("config").get("loss").get("class_weights");
        assertEquals(List.of(2.0, 3.0, 1.0), JSON.convertValue(weights, List.class));
        assertTrue(r.out().contains("class weights: hyper 2.000, hypo 3.000, normal 1.000"), r.out());
    }

    @Test
    void weightsForAnUnknownClassOrALossWithoutWeightsAreRefused() {
        Cli.Result unknown = Cli.run("train", "--class-weights", "hypo=2,sick=3", "--out", dir.resolve("x.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, unknown.code());
        assertEquals("plugnet: --class-weights sick: unknown class \"sick\"; the classes are hyper, hypo, normal",
                unknown.errLine(), "the flag that gave the weight, not the config's path");
        Cli.Result bad = Cli.run("train", "--class-weights", "hypo", "--out", dir.resolve("y.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, bad.code());
        assertTrue(bad.errLine().contains("--class-weights: expected balanced or CLASS=WEIGHT pairs"), bad.err());
        assertFalse(Files.exists(dir.resolve("x.json")));
    }

    @Test
    void verifyReferenceChecksTheWeightedCaseOnBothPaths() {
        Cli.Result r = Cli.run("verify-reference", "../core/src/test/resources/fixtures-weighted");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("weighted-5-4-3"), r.out());
        assertTrue(r.out().contains("shortcut") && r.out().contains("generic"), r.out());
    }
}
