package com.example.plugnet.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plugnet.api.Layer;
import dev.plugnet.api.LayerContext;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Options;
import dev.plugnet.testkit.LayerCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerNormTest {
    private final LayerNormProvider provider = new LayerNormProvider();

    @Test
    void passesThePlugnetTestKit() {
        LayerCheck.of(provider).inputWidth(5).batchSize(4).verify();
        LayerCheck.of(provider).options(Map.of("epsilon", 0.1)).inputWidth(3).seed(9).verify();
    }

    @Test
    void eachRowComesOutWithMeanZeroAndVarianceOneBeforeGainAndBias() {
        Layer layer = provider.create(new LayerContext(4, Options.parse(provider.options(),
                Map.of("epsilon", 1e-12), "layers[0]"), 1));
        Matrix y = layer.forward(Matrix.of(new double[] {1, 2, 3, 4}, new double[] {-5, 0, 5, 10}), false);
        for (int r = 0; r < 2; r++) {
            double mean = 0;
            double square = 0;
            for (int j = 0; j < 4; j++) {
                mean += y.get(r, j) / 4;
                square += y.get(r, j) * y.get(r, j) / 4;
            }
            assertEquals(0.0, mean, 1e-12);
            assertEquals(1.0, square, 1e-9);
        }
        assertEquals(-Math.sqrt(1.8), y.get(0, 0), 1e-9);
    }
}
