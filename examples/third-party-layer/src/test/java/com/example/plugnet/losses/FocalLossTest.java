package com.example.plugnet.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Loss;
import dev.plugnet.api.LossContext;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Options;
import dev.plugnet.testkit.LossCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FocalLossTest {
    private final FocalLossProvider provider = new FocalLossProvider();

    private Loss create(double gamma) {
        return provider.create(new LossContext(Options.parse(provider.options(), Map.of("gamma", gamma), "loss"), 2));
    }

    @Test
    void passesThePlugnetTestKitForSeveralGammas() {
        // s = (0.5, 0.5), t = (1, 0): L = -(1 - 0.5)^2 ln 0.5 = 0.25 ln 2
        LossCheck.of(provider).outputs(2).expect(Matrix.row(0.5, 0.5), Matrix.row(1, 0), 0.25 * Math.log(2))
                .verify();
        LossCheck.of(provider).options(Map.of("gamma", 0.5)).outputs(4).batchSize(5).seed(3).verify();
        LossCheck.of(provider).options(Map.of("gamma", 0.0)).outputs(3)
                .expect(Matrix.row(0.2, 0.3, 0.5), Matrix.row(0, 0, 1), -Math.log(0.5)).verify();
        LossCheck.of(provider).targets(Matrix.of(new double[][] {{0.1, 0.9, 0}, {0.5, 0.25, 0.25}})).verify();
    }

    @Test
    void gammaZeroIsCrossEntropyAndLargerGammasDiscountEasyRows() {
        Matrix easy = Matrix.row(0.9, 0.1);
        Matrix t = Matrix.row(1, 0);
        assertEquals(-Math.log(0.9), create(0.0).value(easy, t), 1e-15);
        assertEquals(-0.01 * Math.log(0.9), create(2.0).value(easy, t), 1e-15);
    }

    @Test
    void aConfidentRightOutputHasAZeroGradientAndATargetOfZeroContributesNothing() {
        Matrix g = Matrix.zeros(1, 2).fill(5);
        create(0.5).gradient(Matrix.row(1, 0), Matrix.row(1, 0), g);
        assertEquals(0.0, g.get(0, 0), 0.0, "(1 - s)^γ / s is 0 at s = 1, and so is the focus term's limit");
        assertEquals(0.0, g.get(0, 1), 0.0, "t = 0 contributes exactly 0, even at s = 0");
    }

    @Test
    void aNegativeGammaIsRefusedAtItsPath() {
        ConfigException e = assertThrows(ConfigException.class, () -> create(-1));
        assertEquals("loss.gamma", e.location());
    }
}
