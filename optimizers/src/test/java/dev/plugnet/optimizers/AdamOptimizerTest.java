package dev.plugnet.optimizers;

import static dev.plugnet.optimizers.TestParameters.bias;
import static dev.plugnet.optimizers.TestParameters.valueOf;
import static dev.plugnet.optimizers.TestParameters.weight;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Optimizer;
import dev.plugnet.api.Options;
import dev.plugnet.api.Parameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamOptimizerTest {
    private static AdamOptimizer adam(List<Parameter> parameters, double weightDecay, boolean decoupled) {
        return new AdamOptimizer(parameters, 0.1, 0.9, 0.999, 1e-8, weightDecay, decoupled);
    }

    @Test
    void firstStepMovesByAboutTheLearningRate() {
        Parameter w = weight(1, 0.5);
        AdamOptimizer optimizer = adam(List.of(w), 0, false);
        optimizer.step();
        // m = 0.05, v = 0.00025; m̂ = 0.5, sqrt(v̂) = 0.5: W = 1 − 0.1 · 0.5 / (0.5 + 1e-8)
        assertEquals(1 - 0.05 / (0.5 + 1e-8), valueOf(w), 1e-15);
        assertEquals(0.900000002, valueOf(w), 1e-15);
        assertEquals(Matrix.row(1), optimizer.state().get("step"));
        assertEquals(0.05, optimizer.state().get("m[0]").get(0, 0), 1e-16);
        assertEquals(0.00025, optimizer.state().get("v[0]").get(0, 0), 1e-18);
    }

    @Test
    void secondStepUsesBiasCorrectedMoments() {
        Parameter w = weight(1, 0.5);
        AdamOptimizer optimizer = adam(List.of(w), 0, false);
        optimizer.step();
        w.gradient().set(0, 0, -1.0);
        optimizer.step();
        // m = 0.045 − 0.1 = −0.055, v = 0.00024975 + 0.001 = 0.00124975, corrections 1 − 0.9², 1 − 0.999²
        double expected = 0.900000002 - (0.1 / 0.19) * -0.055 / (Math.sqrt(0.00124975 / 0.001999) + 1e-8);
        assertEquals(expected, valueOf(w), 1e-14);
        assertEquals(0.9366103542405654, valueOf(w), 1e-14);
        assertEquals(Matrix.row(2), optimizer.state().get("step"));
        assertEquals(-0.055, optimizer.state().get("m[0]").get(0, 0), 1e-16);
        assertEquals(0.00124975, optimizer.state().get("v[0]").get(0, 0), 1e-17);
    }

    @Test
    void coupledWeightDecayIsAddedToTheGradientOfWeightsOnly() {
        Parameter w = weight(1, 0.5);
        Parameter b = bias(1, 0.5);
        adam(List.of(w, b), 0.1, false).step();
        // g' = 0.6: m = 0.06, v = 0.00036, m̂ / sqrt(v̂) = 0.6 / 0.6
        assertEquals(1 - 0.1 * 0.6 / (0.6 + 1e-8), valueOf(w), 1e-15);
        assertEquals(1 - 0.05 / (0.5 + 1e-8), valueOf(b), 1e-15);
    }

    @Test
    void decoupledWeightDecayShrinksWeightsOnly() {
        Parameter w = weight(1, 0.5);
        Parameter b = bias(1, 0.5);
        adam(List.of(w, b), 0.1, true).step();
        // W (1 − 0.1 · 0.1) − 0.1 · 0.5 / (0.5 + 1e-8)
        assertEquals(0.99 - 0.05 / (0.5 + 1e-8), valueOf(w), 1e-15);
        assertEquals(1 - 0.05 / (0.5 + 1e-8), valueOf(b), 1e-15);
    }

    @Test
    void stateIsStepCountThenFirstMomentsThenSecondMoments() {
        Parameter w = TestParameters.with("W", true, new double[] {1, -2}, new double[] {0.3, 0.7});
        Parameter b = bias(0.5, -0.25);
        AdamOptimizer first = adam(List.of(w, b), 0.01, true);
        first.step();
        first.step();
        Map<String, Matrix> state = first.state();
        assertEquals(List.of("step", "m[0]", "m[1]", "v[0]", "v[1]"), List.copyOf(state.keySet()));
        assertEquals(List.of("(1×1)", "(1×2)", "(1×1)", "(1×2)", "(1×1)"),
                state.values().stream().map(Matrix::shape).toList());
        assertEquals(Matrix.row(2), state.get("step"));

        Parameter w2 = TestParameters.with("W", true, w.value().data().clone(), new double[] {0.3, 0.7});
        Parameter b2 = bias(valueOf(b), -0.25);
        AdamOptimizer resumed = adam(List.of(w2, b2), 0.01, true);
        state.forEach((name, m) -> resumed.state().get(name).copyFrom(m));
        first.step();
        resumed.step();
        assertEquals(w.value(), w2.value());
        assertEquals(b.value(), b2.value());
    }

    @Test
    void providerDefaultsAndBetaAndEpsilonBounds() {
        AdamOptimizerProvider provider = new AdamOptimizerProvider();
        Optimizer byDefault = provider.create(new dev.plugnet.api.OptimizerContext(List.of(weight(1, 1)),
                Options.parse(provider.options(), Map.of(), "optimizer"), 0L));
        assertEquals(0.001, byDefault.learningRate());
        ConfigException beta = assertThrows(ConfigException.class, () -> provider.create(new dev.plugnet.api.OptimizerContext(List.of(weight(1, 1)),
                Options.parse(provider.options(), Map.of("beta2", 1.0), "optimizer"), 0L)));
        assertEquals("optimizer.beta2", beta.location());
        ConfigException epsilon = assertThrows(ConfigException.class,
                () -> Options.parse(provider.options(), Map.of("epsilon", 0), "optimizer"));
        assertEquals("optimizer.epsilon", epsilon.location());
    }

    @Test
    void checkStateRefusesAStepCountNoRunHasAndANegativeSecondMoment() {
        AdamOptimizer optimizer = adam(List.of(weight(1, 0.5)), 0, false);
        for (double t : new double[] {-1, 2.5, 0x1p53 + 2, Double.NaN}) {
            dev.plugnet.api.OptimizerStateException e = assertThrows(dev.plugnet.api.OptimizerStateException.class,
                    () -> optimizer.checkState("step", Matrix.row(t)));
            assertEquals("step", e.entry());
            assertEquals(-1, e.element());
        }
        dev.plugnet.api.OptimizerStateException v = assertThrows(dev.plugnet.api.OptimizerStateException.class,
                () -> optimizer.checkState("v[0]", Matrix.row(-0.25)));
        assertEquals(0, v.element());
        optimizer.checkState("step", Matrix.row(0));
        optimizer.checkState("step", Matrix.row(0x1p53));
        optimizer.checkState("v[0]", Matrix.row(0));
        optimizer.checkState("m[0]", Matrix.row(-7)); // a first moment may have either sign
        assertEquals(Matrix.row(0), optimizer.state().get("step"), "checking changes nothing");
    }
}
