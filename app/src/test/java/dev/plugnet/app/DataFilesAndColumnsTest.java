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
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --validation-data --test-data --features --ignore}, through the real command line. */
class DataFilesAndColumnsTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private Path train;
    private Path validation;
    private Path test;

    /** Iris with an id column in front, split into three files by row (every fifth row validates, every fifth+1 tests). */
    @BeforeEach
    void files() throws IOException {
        List<String> lines;
        try (InputStream in = BundledExample.class.getResourceAsStream("examples/iris.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<String> t = new ArrayList<>(List.of("id," + lines.get(0)));
        List<String> v = new ArrayList<>(t);
        // the validation file has its columns in another order: matched by name
        List<String> s = new ArrayList<>(List.of("label,sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm"));
        for (int i = 1; i < lines.size(); i++) {
            String row = (1000 + i) + "," + lines.get(i);
            if (i % 5 == 0) {
                v.add(row);
            } else if (i % 5 == 1) {
                String[] c = lines.get(i).split(",");
                s.add(c[4] + "," + c[0] + "," + c[1] + "," + c[2] + "," + c[3]);
            } else {
                t.add(row);
            }
        }
        train = Files.write(dir.resolve("train.csv"), t);
        validation = Files.write(dir.resolve("validation.csv"), v);
        test = Files.write(dir.resolve("test.csv"), s);
    }

    @Test
    void ownValidationAndTestFilesReplaceTheSplitAndAnIdColumnCanBeIgnored() {
        Cli.Result r = Cli.run("train", "--config", "iris", "--data", train.toString(), "--ignore", "id",
                "--validation-data", validation.toString(), "--test-data", test.toString(), "--json",
                "--out", dir.resolve("m.json").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("split 90 train / 30 validation / 30 test"), r.err());
        JsonNode report = JSON.readTree(r.out());
        assertEquals(30, report.get("test").get("rows").intValue());
        assertTrue(report.get("test").get("accuracy").doubleValue() > 0.85);
    }

    @Test
    void withoutIgnoringTheIdColumnItIsAFeature() {
        Cli.Result r = Cli.run("train", "--config", "iris", "--data", train.toString(), "--out",
                dir.resolve("five.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.errLine().contains("has 5 feature columns (id, sepal_length_cm"), r.err());
    }

    @Test
    void featuresPicksColumnsByName() throws IOException {
        Path config = Files.writeString(dir.resolve("two.json"), """
                {"name": "two", "layers": [{"type": "dense", "units": 6, "activation": "tanh"},
                 {"type": "dense", "activation": "softmax"}], "loss": "cross_entropy",
                 "optimizer": {"type": "adam", "learning_rate": 0.02},
                 "training": {"epochs": 40, "features": ["petal_length_cm", "petal_width_cm"]}}""");
        Path out = dir.resolve("two-out.json");
        Cli.Result r = Cli.run("train", "--config", config.toString(), "--data", train.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("network: 2-6-3 "), r.out());
        JsonNode features = JSON.readTree(Files.readString(out)).get("preprocessing").get("features");
        assertEquals(List.of("petal_length_cm", "petal_width_cm"), JSON.convertValue(features, List.class));
        // evaluate and predict find those columns by name in a file of another layout
        assertEquals(0, Cli.run("evaluate", "--model", out.toString(), "--data", test.toString()).code());
        Cli.Result flag = Cli.run("train", "--config", config.toString(), "--data", train.toString(), "--features",
                "sepal_length_cm,petal_width_cm", "--out", dir.resolve("flag.json").toString());
        assertEquals(0, flag.code(), flag.err());
        assertTrue(flag.out().contains("network: 2-6-3 "), flag.out());
    }

    @Test
    void aValidationFileWithOtherColumnsOrAnUnknownColumnIsRefused() throws IOException {
        Path other = Files.writeString(dir.resolve("other.csv"), "a,b,label\n1,2,setosa\n");
        Cli.Result r = Cli.run("train", "--config", "iris", "--data", train.toString(), "--ignore", "id",
                "--validation-data", other.toString(), "--out", dir.resolve("x.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("plugnet: " + other + " line 1: columns do not match the training data: it has no column"
                + " \"sepal_length_cm\", \"sepal_width_cm\", \"petal_length_cm\", \"petal_width_cm\"; the training data's"
                + " features are \"sepal_length_cm\", \"sepal_width_cm\", \"petal_length_cm\", \"petal_width_cm\", this file"
                + " has \"a\", \"b\", \"label\"", r.errLine());
        Cli.Result unknown = Cli.run("train", "--config", "iris", "--data", train.toString(), "--ignore", "uid",
                "--out", dir.resolve("y.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, unknown.code());
        assertTrue(unknown.errLine().endsWith("line 1: has no column \"uid\" to ignore; columns: id,"
                + " sepal_length_cm, sepal_width_cm, petal_length_cm, petal_width_cm, label"), unknown.err());
    }
}
