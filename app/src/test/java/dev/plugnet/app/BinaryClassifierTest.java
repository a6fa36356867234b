package dev.plugnet.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A two-class problem through the real {@code train} and {@code evaluate}: class order, the positive class, ranking metrics. */
class BinaryClassifierTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private Path data;

    /** Iris's versicolor and virginica rows, virginica first, so that order of appearance would put it first. */
    @BeforeEach
    void twoIrisClasses() throws IOException {
        List<String> lines;
        try (InputStream in = BundledExample.class.getResourceAsStream("examples/iris.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        String body = lines.stream().skip(1).filter(l -> l.endsWith("virginica")).collect(Collectors.joining("\n"))
                + "\n" + lines.stream().skip(1).filter(l -> l.endsWith("versicolor")).collect(Collectors.joining("\n"));
        data = Files.writeString(dir.resolve("two-iris.csv"), lines.get(0) + "\n" + body + "\n");
    }

    private Path config(String training) throws IOException {
        return Files.writeString(dir.resolve("binary.json"), """
                {"name": "two-iris", "inputs": 4,
                 "layers": [{"type": "dense", "units": 6, "activation": "tanh"},
                            {"type": "dense", "units": 2, "activation": "softmax"}],
                 "loss": "cross_entropy", "optimizer": {"type": "adam", "learning_rate": 0.02}, "seed": 4,
                 "training": {"epochs": 150 %s}}""".formatted(training));
    }

    @Test
    void classesAreSortedAndTheSecondIsPositiveByDefault() throws IOException {
        Path out = dir.resolve("m.json");
        Cli.Result r = Cli.run("train", "--config", config("").toString(), "--data", data.toString(), "--out",
                out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode test = JSON.readTree(r.out()).get("test");
        assertEquals(List.of("versicolor", "virginica"),
                JSON.convertValue(test.get("confusion_matrix").get("labels"), List.class));
        assertEquals("virginica", test.get("positive_class").stringValue());
        double auc = test.get("roc_auc").doubleValue();
        double ap = test.get("pr_auc").doubleValue();
        assertTrue(auc > 0.9 && auc <= 1, "ROC-AUC " + auc);
        assertTrue(ap > 0.9 && ap <= 1, "PR-AUC " + ap);
        double balanced = test.get("balanced_accuracy").doubleValue();
        assertTrue(balanced > 0.8 && balanced <= 1, "balanced accuracy " + balanced);
        assertTrue(test.has("weighted_f1"));

        JsonNode checkpoint = JSON.readTree(Files.readString(out));
        assertEquals(List.of("versicolor", "virginica"),
                JSON.convertValue(checkpoint.get("preprocessing").get("labels"), List.class));

        Cli.Result evaluated = Cli.run("evaluate", "--model", out.toString(), "--data", data.toString());
        assertEquals(0, evaluated.code(), evaluated.err());
        assertTrue(evaluated.out().contains("positive class virginica: ROC-AUC "), evaluated.out());
        assertTrue(evaluated.out().contains("macro F1 "), evaluated.out());
        assertTrue(evaluated.out().contains("(over the classes present in the truth or the predictions)"));
    }

    @Test
    void theConfigCanListTheClassesAndNameThePositiveOne() throws IOException {
        Path out = dir.resolve("m.json");
        Cli.Result r = Cli.run("train", "--config",
                config(", \"classes\": [\"virginica\", \"versicolor\"], \"positive_class\": \"versicolor\"").toString(),
                "--data", data.toString(), "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode test = JSON.readTree(r.out()).get("test");
        assertEquals(List.of("virginica", "versicolor"),
                JSON.convertValue(test.get("confusion_matrix").get("labels"), List.class));
        assertEquals("versicolor", test.get("positive_class").stringValue());
        Cli.Result evaluated = Cli.run("evaluate", "--model", out.toString(), "--data", data.toString(), "--json");
        assertEquals("versicolor", JSON.readTree(evaluated.out()).get("positive_class").stringValue());
    }

    @Test
    void aPositiveClassThatIsNotAClassIsRefused() throws IOException {
        Cli.Result r = Cli.run("train", "--config", config(", \"positive_class\": \"setosa\"").toString(),
                "--data", data.toString(), "--out", dir.resolve("never.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("plugnet: " + data + " line 1, column \"label\": has no class \"setosa\""
                + " (training.positive_class); classes: versicolor, virginica", r.errLine());
        assertTrue(!Files.exists(dir.resolve("never.json")));
    }
}
