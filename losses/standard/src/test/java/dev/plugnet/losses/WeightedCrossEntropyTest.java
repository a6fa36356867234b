package dev.plugnet.losses;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.LossContext;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Options;
import dev.plugnet.api.support.CentralDifference;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.plugnet.testkit.MatrixAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code cross_entropy} with {@code class_weights}: L = −(1/B) Σ_b Σ_k w_k t_bk ln s_bk. */
class WeightedCrossEntropyTest {
    private static Matrix gradient(CrossEntropyLoss loss, Matrix s, Matrix t) {
        Matrix d = Matrix.zeros(s.rows(), s.cols());
        loss.gradient(s, t, d);
        return d;
    }

    @Test
    void valueAndGradientByHand() {
        CrossEntropyLoss loss = new CrossEntropyLoss(new double[] {1, 2.5, 0.5});
        Matrix s = Matrix.of(new double[] {0.2, 0.3, 0.5}, new double[] {0.25, 0.5, 0.25});
        Matrix t = Matrix.of(new double[] {0, 1, 0}, new double[] {0, 0, 1});
        // −(1/2)(2.5 ln 0.3 + 0.5 ln 0.25)
        assertEquals(-(2.5 * Math.log(0.3) + 0.5 * Math.log(0.25)) / 2, loss.value(s, t), 1e-15);
        // −(1/B) w ⊙ t / s
        assertClose(Matrix.of(new double[] {0, -2.5 / 0.3 / 2, 0}, new double[] {0, 0, -0.5 / 0.25 / 2}),
                gradient(loss, s, t), 1e-15);
    }

    @Test
    void weightsOfOneGiveTheUnweightedLossBitForBit() {
        SplittableRandom random = new SplittableRandom(3);
        Matrix s = Matrix.zeros(4, 3);
        Matrix t = Matrix.zeros(4, 3);
        for (int i = 0; i < s.data().length; i++) {
            s.data()[i] = 0.05 + random.nextDouble();
            t.data()[i] = random.nextDouble();
        }
        CrossEntropyLoss plain = new CrossEntropyLoss();
        CrossEntropyLoss ones = new CrossEntropyLoss(new double[] {1, 1, 1});
        assertEquals(plain.value(s, t), ones.value(s, t));
        assertEquals(gradient(plain, s, t), gradient(ones, s, t));
    }

    @Test
    void theGradientIsTheDerivativeOfTheWeightedValue() {
        SplittableRandom random = new SplittableRandom(11);
        CrossEntropyLoss loss = new CrossEntropyLoss(new double[] {0.3, 4, 1, 0});
        Matrix s = Matrix.zeros(3, 4);
        Matrix t = Matrix.zeros(3, 4);
        for (int i = 0; i < s.data().length; i++) {
            s.data()[i] = 0.05 + random.nextDouble();
            t.data()[i] = random.nextDouble();
        }
        Matrix analytic = gradient(loss, s, t);
        Matrix numeric = Matrix.zeros(3, 4);
        double h = 1e-6;
        for (int i = 0; i < s.data().length; i++) {
            numeric.data()[i] = CentralDifference.at(s.data(), i, h, () -> loss.value(s, t));
        }
        assertClose(numeric, analytic, 1e-8);
        assertEquals(0.0, analytic.get(1, 3), "a class of weight 0 contributes exactly 0");
    }

    private static Options options(Object weights) {
        return Options.parse(new CrossEntropyLossProvider().options(), Map.of("class_weights", weights), "loss");
    }

    @Test
    void theProviderChecksTheWeightsAgainstTheOutputWidth() {
        CrossEntropyLossProvider provider = new CrossEntropyLossProvider();
        ConfigException few = assertThrows(ConfigException.class,
                () -> provider.create(new LossContext(options(List.of(1.0, 2.0)), 3)));
        assertEquals("loss.class_weights: expected 3 weights, one per output (class), got 2", few.getMessage());
        ConfigException negative = assertThrows(ConfigException.class,
                () -> provider.create(new LossContext(options(List.of(1.0, -2.0, 1.0)), 3)));
        assertEquals("loss.class_weights: expected non-negative finite weights, got -2.0 at position 1",
                negative.getMessage());
        ConfigException zeros = assertThrows(ConfigException.class,
                () -> provider.create(new LossContext(options(List.of(0, 0, 0)), 3)));
        assertEquals("loss.class_weights: every weight is 0; at least one class must count", zeros.getMessage());
        Matrix s = Matrix.of(new double[] {0.5, 0.25, 0.25});
        Matrix t = Matrix.of(new double[] {1, 0, 0});
        assertEquals(-2 * Math.log(0.5), provider.create(new LossContext(options(List.of(2, 1, 1)), 3)).value(s, t),
                1e-15);
    }

    @Test
    void weightedCrossEntropyPassesTheTestkitsLossCheck() {
        dev.plugnet.testkit.LossCheck.of(new CrossEntropyLossProvider()).options(Map.of("class_weights",
                List.of(1.0, 2.5, 0.5))).outputs(3).batchSize(4).verify();
    }
}
