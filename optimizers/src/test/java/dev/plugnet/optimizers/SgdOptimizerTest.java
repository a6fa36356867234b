package dev.plugnet.optimizers;

import static dev.plugnet.optimizers.TestParameters.bias;
import static dev.plugnet.optimizers.TestParameters.valueOf;
import static dev.plugnet.optimizers.TestParameters.weight;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SgdOptimizerTest {
    @Test
    void stepSubtractsLearningRateTimesGradient() {
        Parameter w = TestParameters.with("W", true, new double[] {1, 2}, new double[] {0.5, -1});
        Parameter b = bias(3, 2);
        SgdOptimizer sgd = new SgdOptimizer(List.of(w, b), 0.1, 0.0);
        sgd.step();
        assertEquals(Matrix.row(0.95, 2.1), w.value());
        assertEquals(2.8, valueOf(b), 1e-15);
        sgd.step();
        assertEquals(0.9, w.value().get(0, 0), 1e-15);
        assertEquals(2.2, w.value().get(0, 1), 1e-15);
    }

    @Test
    void weightDecayAppliesToDecayedParametersOnly() {
        Parameter w = TestParameters.with("W", true, new double[] {1, 2}, new double[] {0.5, -1});
        Parameter b = bias(3, 2);
        new SgdOptimizer(List.of(w, b), 0.1, 0.1).step();
        // W − 0.1 (g + 0.1 W) = [1 − 0.06, 2 + 0.08]; b − 0.1 g
        assertEquals(0.94, w.value().get(0, 0), 1e-15);
        assertEquals(2.08, w.value().get(0, 1), 1e-15);
        assertEquals(2.8, valueOf(b), 1e-15);
    }

    @Test
    void learningRateCanBeChangedBetweenSteps() {
        Parameter w = weight(1, 1);
        SgdOptimizer sgd = new SgdOptimizer(List.of(w), 0.1, 0.0);
        assertEquals(0.1, sgd.learningRate());
        sgd.learningRate(0.5);
        assertEquals(0.5, sgd.learningRate());
        sgd.step();
        assertEquals(0.5, valueOf(w));
        assertThrows(IllegalArgumentException.class, () -> sgd.learningRate(-1));
        assertThrows(IllegalArgumentException.class, () -> sgd.learningRate(Double.NaN));
    }

    @Test
    void keepsNoState() {
        assertTrue(new SgdOptimizer(List.of(weight(1, 1)), 0.1, 0).state().isEmpty());
    }
}
