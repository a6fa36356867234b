package com.example.plugnet.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Layer;
import dev.plugnet.api.LayerContext;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Options;
import dev.plugnet.testkit.LayerCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DropoutTest {
    private final DropoutProvider provider = new DropoutProvider();

    private Layer create(double rate, long seed) {
        return provider.create(new LayerContext(1000, Options.parse(provider.options(), Map.of("rate", rate),
                "layers[0]"), seed));
    }

    @Test
    void passesThePlugnetTestKitInBothModes() {
        LayerCheck.of(provider).options(Map.of("rate", 0.3)).inputWidth(6).batchSize(4).verify();
        LayerCheck.of(provider).inputWidth(2).seed(5).verify();
    }

    @Test
    void trainingDropsAboutRateOfTheValuesAndScalesTheRestByOneOverOneMinusRate() {
        Matrix x = Matrix.zeros(10, 1000).fill(1.0);
        Matrix y = create(0.25, 3).forward(x, true);
        int dropped = 0;
        double sum = 0;
        for (double v : y.data()) {
            assertTrue(v == 0.0 || Math.abs(v - 1 / 0.75) < 1e-15, "value " + v);
            dropped += v == 0.0 ? 1 : 0;
            sum += v;
        }
        assertEquals(0.25, dropped / 10_000.0, 0.02);
        assertEquals(1.0, sum / 10_000, 0.03, "inverted dropout keeps the expected value");
    }

    @Test
    void inferenceIsTheIdentityAndItsBackwardPassesTheGradientThrough() {
        Layer layer = create(0.5, 1);
        Matrix x = Matrix.zeros(2, 1000).fill(0.5);
        assertEquals(x, layer.forward(x, false));
        Matrix g = Matrix.zeros(2, 1000).fill(2.0);
        assertEquals(g, layer.backward(g, true));
    }

    @Test
    void aRateOfOneIsRefusedAtItsPath() {
        ConfigException e = assertThrows(ConfigException.class, () -> create(1.0, 1));
        assertEquals("layers[0].rate", e.location());
    }
}
