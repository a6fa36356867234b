package dev.plugnet.core.model;

import dev.plugnet.api.ConfigException;
import dev.plugnet.core.json.StrictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelReaderTest {
    private final ModelReader reader = new ModelReader(StrictJson.mapper());
    private final ModelWriter writer = new ModelWriter(StrictJson.mapper());

    @Test
    void readsTheBundled543Example() {
        ModelSpec spec = reader.read(Path.of("../examples/seed-5-4-3.json"));
        assertEquals(5, spec.inputs());
        assertEquals(2, spec.layers().size());
        assertEquals("dense", spec.layers().get(0).type());
        assertEquals(Map.of("units", 4), spec.layers().get(0).options());
        assertEquals(ComponentSpec.named("sigmoid"), spec.layers().get(0).activation());
        assertEquals(ComponentSpec.named("cross_entropy"), spec.loss());
        assertEquals(new ComponentSpec("sgd", Map.of("learning_rate", 0.5)), spec.optimizer());
        assertTrue(spec.shortcuts());
        assertEquals(42L, spec.seed());
        assertEquals(TrainingSpec.DEFAULTS, spec.training());
    }

    @Test
    void writingAndReadingBackGivesAnEqualModel() {
        String json = """
                {"name": "round", "inputs": 3, "seed": 7, "shortcuts": false,
                 "layers": [{"type": "dense", "units": 2, "weights": [[0.1, 0.2], [0.3, 1e-300], [-5, 2]],
                             "activation": {"type": "leaky_relu", "slope": 0.02}},
                            {"type": "dense", "units": 2, "bias": false, "activation": "softmax"}],
                 "loss": {"type": "cross_entropy"},
                 "optimizer": {"type": "adam", "learning_rate": 0.1234567890123456789},
                 "training": {"epochs": 3, "batch_size": 4, "patience": 2, "label": "y",
                              "schedule": {"type": "step", "every": 10, "factor": 0.5}}}
                """;
        ModelSpec spec = reader.read(json);
        ModelSpec again = reader.read(writer.write(spec));
        assertEquals(spec, again);
        assertEquals(0.1234567890123456789, (Double) again.optimizer().options().get("learning_rate"));
        assertEquals(List.of(List.of(0.1, 0.2), List.of(0.3, 1e-300), List.of(-5, 2)),
                again.layers().get(0).options().get("weights"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown top-level field | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 3}], \"loss\": \"mse\", \"lerning_rate\": 1} | lerning_rate | unknown field; expected one of:",
        "inputs of another word  | {\"inputs\": \"many\", \"layers\": [{\"type\": \"dense\", \"units\": 3}], \"loss\": \"mse\"} | inputs | expected a positive integer, got \"many\"",
        "negative inputs         | {\"inputs\": -3, \"layers\": [{\"type\": \"dense\"}], \"loss\": \"mse\"} | inputs | expected a positive integer, got -3",
        "layers not a list       | {\"inputs\": 5, \"layers\": {\"type\": \"dense\"}, \"loss\": \"mse\"} | layers | expected a list of layers, got an object",
        "empty layers            | {\"inputs\": 5, \"layers\": [], \"loss\": \"mse\"} | layers | expected at least one layer",
        "layer without type      | {\"inputs\": 5, \"layers\": [{\"units\": 3}], \"loss\": \"mse\"} | layers[0].type | missing; expected a string",
        "layer type not a string | {\"inputs\": 5, \"layers\": [{\"type\": 3}], \"loss\": \"mse\"} | layers[0].type | expected a string, got 3",
        "nested option object    | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": {\"n\": 3}}], \"loss\": \"mse\"} | layers[0].units | expected a number, boolean, string or list, got an object",
        "loss wrong type         | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\"}], \"loss\": 3} | loss | expected a plugin name or an object with \"type\", got 3",
        "bad training field      | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\"}], \"loss\": \"mse\", \"training\": {\"epochs\": 0}} | training.epochs | expected a positive integer, got 0",
        "newer format            | {\"format\": 99, \"inputs\": 5, \"layers\": [{\"type\": \"dense\"}], \"loss\": \"mse\"} | format | this file has format 99, newer than this plugnet reads",
        "shortcuts not boolean   | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\"}], \"loss\": \"mse\", \"shortcuts\": \"yes\"} | shortcuts | expected true or false, got \"yes\"",
    })
    void badConfigsNameTheirJsonPath(String what, String json, String path, String problemStart) {
        ConfigException e = assertThrows(ConfigException.class, () -> reader.read(json));
        assertEquals(path, e.location(), what);
        assertTrue(e.problem().startsWith(problemStart), () -> what + ": " + e.problem());
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        ConfigException e = assertThrows(ConfigException.class, () -> reader.read("{\n  \"inputs\": 5,\n  \"layers\": [\n}"));
        assertTrue(e.location().matches("line 4, column \\d+"), e.location());
        assertTrue(e.problem().startsWith("malformed JSON: "), e.problem());
    }

    @Test
    void duplicateKeysAreRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> reader.read("{\"inputs\": 5, \"inputs\": 6, \"layers\": [{\"type\": \"dense\"}], \"loss\": \"mse\"}"));
        assertTrue(e.problem().contains("Duplicate"), e.problem());
    }

    @Test
    void trailingContentIsRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> reader.read("{\"inputs\": 5, \"layers\": [{\"type\": \"dense\"}], \"loss\": \"mse\"} {}"));
        assertTrue(e.problem().startsWith("malformed JSON"), e.problem());
    }

    @Test
    void aMissingFileSaysSo() {
        ConfigException e = assertThrows(ConfigException.class, () -> reader.read(Path.of("no-such-model.json")));
        assertEquals("no-such-model.json", e.location());
        assertEquals("no such file", e.problem());
    }

    @Test
    void defaultsFillWhatIsNotGiven() {
        ModelSpec spec = reader.read("{\"inputs\": 2, \"layers\": [{\"type\": \"dense\", \"units\": 1}], \"loss\": \"mse\"}");
        assertNull(spec.optimizer(), "plugnet picks no optimizer for a model that names none");
        assertNull(spec.layers().get(0).activation());
        assertEquals("model", spec.name());
    }

    @Test
    void inputsLeftOutOrAutoComeFromTheData() {
        ModelReader reader = new ModelReader(StrictJson.mapper());
        assertEquals(ModelSpec.AUTO, reader.read("{\"layers\": [{\"type\": \"dense\"}], \"loss\": \"mse\"}").inputs());
        ModelSpec auto = reader.read("{\"inputs\": \"auto\", \"layers\": [{\"type\": \"dense\"}], \"loss\": \"mse\"}");
        assertEquals(ModelSpec.AUTO, auto.inputs());
        ModelSpec resolved = new InferredWidths(type -> type.equals("dense") ? "units" : null).resolve(auto, 7, 2);
        assertEquals(7, resolved.inputs());
        assertEquals(2, resolved.layers().get(0).options().get("units"));
        assertEquals(auto, reader.read(new ModelWriter(StrictJson.mapper()).write(auto)), "auto survives writing");
    }

    @Test
    void theWidthLeftToTheDataIsTheOptionTheLayersPluginNames() {
        ModelReader reader = new ModelReader(StrictJson.mapper());
        InferredWidths widths = new InferredWidths(type -> type.equals("wide") ? "size" : null);
        ModelSpec hiddenAuto = reader.read("{\"layers\": [{\"type\": \"wide\", \"size\": \"auto\"},"
                + " {\"type\": \"wide\"}], \"loss\": \"mse\"}");
        ConfigException e = assertThrows(ConfigException.class, () -> widths.resolve(hiddenAuto, 3, 2));
        assertEquals("layers[0].size", e.location());
        ModelSpec open = reader.read("{\"layers\": [{\"type\": \"wide\", \"size\": 4}, {\"type\": \"wide\"}],"
                + " \"loss\": \"mse\"}");
        assertEquals(2, widths.resolve(open, 3, 2).layers().get(1).options().get("size"));
        ModelSpec keepsItsWidth = reader.read("{\"inputs\": 3, \"layers\": [{\"type\": \"wide\", \"size\": 4},"
                + " {\"type\": \"norm\"}], \"loss\": \"mse\"}");
        assertFalse(widths.open(keepsItsWidth), "a last layer whose plugin names no width option has none to fill");
        assertEquals(keepsItsWidth, widths.resolve(keepsItsWidth, 3, 2));
    }
}
