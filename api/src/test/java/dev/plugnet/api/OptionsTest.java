package dev.plugnet.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {
    private static final List<OptionSpec> SPECS = List.of(
            OptionSpec.requiredInteger("units", "width").atLeast(1),
            OptionSpec.number("rate", 0.1, "rate").greaterThan(0),
            OptionSpec.bool("bias", true, "bias"),
            OptionSpec.choice("init", "xavier", "init", "xavier", "he"),
            OptionSpec.numberMatrix("weights", "explicit weights"),
            OptionSpec.numberList("biases", "explicit biases"));

    @Test
    void givenValuesAndDefaultsAreTyped() {
        Options o = Options.parse(SPECS, Map.of("units", 4, "rate", 1, "weights", List.of(List.of(1, 2.5))), "layers[0]");
        assertEquals(4, o.integer("units"));
        assertEquals(1.0, o.number("rate"));
        assertTrue(o.bool("bias"));
        assertEquals("xavier", o.string("init"));
        assertArrayEquals(new double[][] {{1, 2.5}}, o.numberMatrix("weights"));
        assertFalse(o.has("biases"));
        assertEquals(Map.of("units", 4, "rate", 1.0, "weights", o.given().get("weights")), o.given());
        assertEquals("layers[0].units", o.path("units"));
    }

    private static ConfigException fails(Map<String, ?> raw) {
        return assertThrows(ConfigException.class, () -> Options.parse(SPECS, raw, "layers[2]"));
    }

    @Test
    void everyBadValueNamesItsPathAndWhatWasExpected() {
        assertEquals("layers[2].units: expected a positive integer, got -3", fails(Map.of("units", -3)).getMessage());
        assertEquals("layers[2].units: missing; expected a positive integer", fails(Map.of()).getMessage());
        assertEquals("layers[2].units: expected a positive integer, got 2.5", fails(Map.of("units", 2.5)).getMessage());
        assertEquals("layers[2].units: expected a positive integer, got 3000000000",
                fails(Map.of("units", 3_000_000_000L)).getMessage());
        assertEquals("layers[2].rate: expected a number > 0, got 0", fails(Map.of("units", 1, "rate", 0)).getMessage());
        assertEquals("layers[2].bias: expected true or false, got \"yes\"",
                fails(Map.of("units", 1, "bias", "yes")).getMessage());
        assertEquals("layers[2].init: expected one of \"xavier\", \"he\", got \"glorot\"",
                fails(Map.of("units", 1, "init", "glorot")).getMessage());
        assertEquals("layers[2].weights[1]: expected 2 numbers like row 0, got 1",
                fails(Map.of("units", 1, "weights", List.of(List.of(1, 2), List.of(3)))).getMessage());
        assertEquals("layers[2].biases: expected a list of numbers, got \"x\"",
                fails(Map.of("units", 1, "biases", "x")).getMessage());
        assertEquals("layers[2].unit: unknown option; known options: units, rate, bias, init, weights, biases",
                fails(Map.of("unit", 1)).getMessage());
    }

    @Test
    void aPluginReportsAContextualProblemAtTheOptionsPath() {
        Options o = Options.parse(SPECS, Map.of("units", 4), "layers[1]");
        assertEquals("layers[1].weights: expected (5×4) values", o.error("weights", "expected (5×4) values").getMessage());
    }

    @Test
    void readingAnUndeclaredOptionIsAProgrammingError() {
        Options o = Options.parse(SPECS, Map.of("units", 4), "layers[1]");
        assertThrows(IllegalArgumentException.class, () -> o.number("units"));
    }

    @Test
    void oddFieldNamesStillHaveAVisibleLocation() {
        assertEquals("layers[0].units", Options.childPath("layers[0]", "units"));
        assertEquals("units", Options.childPath("$", "units"));
        assertEquals("$[\"\"]", Options.childPath("$", ""));
        assertEquals("layers[0][\"a \\\"b\\\"\"]", Options.childPath("layers[0]", "a \"b\""));
    }

    @Test
    void anUpperBoundIsCheckedAndDescribed() {
        List<OptionSpec> specs = List.of(OptionSpec.number("beta", 0.9, "decay").atLeast(0).lessThan(1),
                OptionSpec.integer("k", 3, "count").atMost(10));
        assertEquals("a number >= 0 and < 1", specs.get(0).expectation());
        assertEquals("an integer <= 10", specs.get(1).expectation());
        assertEquals(0.5, Options.parse(specs, Map.of("beta", 0.5), "optimizer").number("beta"));
        assertEquals("optimizer.beta: expected a number >= 0 and < 1, got 1",
                assertThrows(ConfigException.class, () -> Options.parse(specs, Map.of("beta", 1), "optimizer")).getMessage());
        assertEquals("optimizer.k: expected an integer <= 10, got 11",
                assertThrows(ConfigException.class, () -> Options.parse(specs, Map.of("k", 11), "optimizer")).getMessage());
    }
}
