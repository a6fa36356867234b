package dev.plugnet.layers.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Layer;
import dev.plugnet.api.LayerContext;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.OptionType;
import dev.plugnet.api.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DenseLayerProviderTest {
    private final DenseLayerProvider provider = new DenseLayerProvider();

    private Layer create(int inputs, Map<String, ?> raw, long seed) {
        Options options = Options.parse(provider.options(), raw, "layers[0]");
        return provider.create(new LayerContext(inputs, options, seed));
    }

    private static Matrix weights(Layer layer) {
        return layer.parameters().get(0).value();
    }

    @Test
    void isNamedDenseAndDeclaresItsOptions() {
        assertEquals("dense", provider.name());
        assertTrue(!provider.description().isBlank());
        List<OptionSpec> specs = provider.options();
        assertEquals(List.of("units", "bias", "init", "weights", "biases"),
                specs.stream().map(OptionSpec::name).toList());
        OptionSpec units = specs.get(0);
        assertTrue(units.required());
        assertEquals(OptionType.INTEGER, units.type());
        assertEquals(1.0, units.minimum());
        assertEquals(true, specs.get(1).defaultValue());
        assertEquals("xavier", specs.get(2).defaultValue());
        assertEquals(List.of("xavier", "he", "zeros"), specs.get(2).choices());
        assertEquals(OptionType.NUMBER_MATRIX, specs.get(3).type());
        assertEquals(OptionType.NUMBER_LIST, specs.get(4).type());
    }

    @Test
    void unitsMustBePositive() {
        ConfigException e = assertThrows(ConfigException.class, () -> create(5, Map.of("units", 0), 1));
        assertEquals("layers[0].units", e.location());
    }

    @Test
    void buildsALayerOfTheContextsInputWidthAndTheGivenUnits() {
        Layer layer = create(5, Map.of("units", 4), 1);
        assertEquals(5, layer.inputWidth());
        assertEquals(4, layer.outputWidth());
        assertEquals("(5×4)", weights(layer).shape());
        assertEquals(Matrix.zeros(1, 4), layer.parameters().get(1).value());
    }

    @Test
    void xavierDrawsWithinTheGlorotLimitFromTheSeedAlone() {
        Matrix a = weights(create(5, Map.of("units", 4), 42));
        Matrix b = weights(create(5, Map.of("units", 4), 42));
        Matrix c = weights(create(5, Map.of("units", 4), 43));
        assertEquals(a, b);
        assertNotEquals(a, c);
        double limit = Math.sqrt(6.0 / (5 + 4));
        assertTrue(a.maxAbs() <= limit);
        assertTrue(a.maxAbs() > limit / 2, "20 draws should not all be small");
    }

    @Test
    void xavierIsUniformOverMinusLimitToLimit() {
        Matrix w = weights(create(300, Map.of("units", 300), 7));
        double limit = Math.sqrt(6.0 / 600);
        double sum = 0;
        double sumSquares = 0;
        for (double v : w.data()) {
            sum += v;
            sumSquares += v * v;
        }
        int n = w.data().length;
        assertEquals(0.0, sum / n, 0.01 * limit);
        assertEquals(limit * limit / 3, sumSquares / n, 0.02 * limit * limit / 3);
    }

    @Test
    void heIsNormalWithStandardDeviationSqrtTwoOverInputs() {
        Matrix w = weights(create(200, Map.of("units", 400, "init", "he"), 3));
        double sumSquares = 0;
        double sum = 0;
        for (double v : w.data()) {
            sum += v;
            sumSquares += v * v;
        }
        int n = w.data().length;
        assertEquals(0.0, sum / n, 0.002);
        assertEquals(2.0 / 200, sumSquares / n, 0.02 * 2.0 / 200);
        assertEquals(w, weights(create(200, Map.of("units", 400, "init", "he"), 3)));
    }

    @Test
    void zerosInitGivesZeroWeights() {
        assertEquals(Matrix.zeros(3, 2), weights(create(3, Map.of("units", 2, "init", "zeros"), 9)));
    }

    @Test
    void explicitWeightsAndBiasesOverrideInit() {
        Layer layer = create(2, Map.of("units", 3,
                "weights", List.of(List.of(1, 2, 3), List.of(4.5, 5, 6)),
                "biases", List.of(0.1, 0.2, 0.3)), 1);
        assertEquals(Matrix.of(new double[] {1, 2, 3}, new double[] {4.5, 5, 6}), weights(layer));
        assertEquals(Matrix.row(0.1, 0.2, 0.3), layer.parameters().get(1).value());
        assertEquals(Matrix.of(new double[] {5.6, 7.2, 9.3}), layer.forward(Matrix.row(1, 1), false));
    }

    @Test
    void weightsOfTheWrongShapeNameBothShapes() {
        ConfigException e = assertThrows(ConfigException.class, () -> create(5, Map.of("units", 4,
                "weights", List.of(List.of(1, 2, 3, 4), List.of(1, 2, 3, 4), List.of(1, 2, 3, 4))), 1));
        assertEquals("layers[0].weights", e.location());
        assertEquals("expected (5×4) values for 5 inputs and 4 units, got (3×4)", e.problem());
    }

    @Test
    void biasesOfTheWrongLengthAreRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> create(2, Map.of("units", 3, "biases", List.of(1, 2)), 1));
        assertEquals("layers[0].biases", e.location());
        assertEquals("expected 3 values, one per unit, got 2", e.problem());
    }

    @Test
    void biasesWithoutBiasAreRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> create(2, Map.of("units", 2, "bias", false, "biases", List.of(1, 2)), 1));
        assertEquals("layers[0].biases", e.location());
        assertTrue(e.problem().contains("\"bias\" is false"), e.problem());
    }

    @Test
    void withoutBiasTheLayerHasOnlyWeights() {
        Layer layer = create(2, Map.of("units", 2, "bias", false), 1);
        assertEquals(1, layer.parameters().size());
        assertEquals("W", layer.parameters().get(0).name());
    }
}
