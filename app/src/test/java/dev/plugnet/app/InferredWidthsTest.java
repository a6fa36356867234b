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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code inputs} and the output layer's {@code units} left to the data, through the real {@code train}. */
class InferredWidthsTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void widthsLeftOutComeFromTheDataAndTheCheckpointStoresTheResolvedValues() throws IOException {
        Path config = Files.writeString(dir.resolve("auto.json"), """
                {"name": "auto", "inputs": "auto",
                 "layers": [{"type": "dense", "units": 6, "activation": "tanh"},
                            {"type": "dense", "activation": "softmax"}],
                 "loss": "cross_entropy", "optimizer": {"type": "adam", "learning_rate": 0.02},
                 "training": {"epochs": 20}}""");
        Path out = dir.resolve("auto-out.json");
        Cli.Result r = Cli.run("train", "--config", config.toString(), "--data", "iris", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("network: 4-6-3 (dense+tanh, dense+softmax, cross_entropy), 51 parameters"
                + " (widths from the data)"), r.out());
        JsonNode stored = JSON.readTree(Files.readString(out)).get("config");
        assertEquals(4, stored.get("inputs").intValue());
        assertEquals(3, stored.get("layers").get(1).get("units").intValue());
        assertEquals(0, Cli.run("evaluate", "--model", out.toString(), "--data", "iris").code());

        // the same config on other data gets other widths
        Cli.Result thyroid = Cli.run("train", "--config", config.toString(), "--data", "thyroid", "--out",
                dir.resolve("thyroid.json").toString());
        assertEquals(0, thyroid.code(), thyroid.err());
        assertTrue(thyroid.out().contains("network: 5-6-3 "), thyroid.out());
    }

    @Test
    void autoIsOnlyForTheOutputLayer() throws IOException {
        Path config = Files.writeString(dir.resolve("hidden.json"), """
                {"layers": [{"type": "dense", "units": "auto", "activation": "tanh"},
                            {"type": "dense", "activation": "softmax"}], "loss": "cross_entropy"}""");
        Cli.Result r = Cli.run("train", "--config", config.toString(), "--data", "iris");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.errLine().endsWith("layers[0].units: \"auto\" is for the last layer only, whose width follows"
                + " from the data; give this hidden layer's width"), r.err());
        Cli.Result noData = Cli.run("gradcheck", "--config", config.toString().replace("hidden", "hidden"));
        assertEquals(ExitCodes.BAD_INPUT, noData.code());
    }
}
