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

class MomentumOptimizerTest {
    @Test
    void twoStepsOfHeavyBallMomentum() {
        Parameter w = weight(1, 1);
        MomentumOptimizer optimizer = new MomentumOptimizer(List.of(w), 0.1, 0.9, false, 0.0);
        optimizer.step(); // v = 1, W = 1 − 0.1
        assertEquals(0.9, valueOf(w), 1e-15);
        assertEquals(Matrix.row(1), optimizer.state().get("velocity[0]"));
        optimizer.step(); // v = 0.9 + 1 = 1.9, W = 0.9 − 0.19
        assertEquals(0.71, valueOf(w), 1e-15);
        assertEquals(1.9, optimizer.state().get("velocity[0]").get(0, 0), 1e-15);
    }

    @Test
    void twoStepsOfNesterovMomentum() {
        Parameter w = weight(1, 1);
        MomentumOptimizer optimizer = new MomentumOptimizer(List.of(w), 0.1, 0.9, true, 0.0);
        optimizer.step(); // v = 1, update = 1 + 0.9 = 1.9
        assertEquals(0.81, valueOf(w), 1e-15);
        optimizer.step(); // v = 1.9, update = 1 + 1.71 = 2.71
        assertEquals(0.539, valueOf(w), 1e-15);
        assertEquals(1.9, optimizer.state().get("velocity[0]").get(0, 0), 1e-15);
    }

    @Test
    void weightDecayEntersTheVelocityOfDecayedParametersOnly() {
        Parameter w = weight(1, 1);
        Parameter b = bias(1, 1);
        MomentumOptimizer optimizer = new MomentumOptimizer(List.of(w, b), 0.1, 0.9, false, 0.5);
        optimizer.step(); // g' = 1.5, v = 1.5, W = 0.85
        assertEquals(0.85, valueOf(w), 1e-15);
        assertEquals(0.9, valueOf(b), 1e-15);
        optimizer.step(); // g' = 1 + 0.425, v = 1.35 + 1.425 = 2.775, W = 0.85 − 0.2775
        assertEquals(0.5725, valueOf(w), 1e-15);
        assertEquals(0.71, valueOf(b), 1e-15);
    }

    @Test
    void stateIsOneVelocityPerParameterAndRestoringItContinuesIdentically() {
        Parameter w = TestParameters.with("W", true, new double[] {1, -2}, new double[] {0.3, 0.7});
        Parameter b = bias(0.5, -0.25);
        MomentumOptimizer first = new MomentumOptimizer(List.of(w, b), 0.1, 0.9, true, 0.01);
        first.step();
        first.step();
        assertEquals(List.of("velocity[0]", "velocity[1]"), List.copyOf(first.state().keySet()));
        assertEquals("(1×2)", first.state().get("velocity[0]").shape());
        assertEquals("(1×1)", first.state().get("velocity[1]").shape());

        Parameter w2 = TestParameters.with("W", true, w.value().data().clone(), new double[] {0.3, 0.7});
        Parameter b2 = bias(valueOf(b), -0.25);
        MomentumOptimizer resumed = new MomentumOptimizer(List.of(w2, b2), 0.1, 0.9, true, 0.01);
        first.state().forEach((name, m) -> resumed.state().get(name).copyFrom(m));
        first.step();
        resumed.step();
        assertEquals(w.value(), w2.value());
        assertEquals(b.value(), b2.value());
    }

    @Test
    void providerDefaultsAndMomentumBelowOne() {
        MomentumOptimizerProvider provider = new MomentumOptimizerProvider();
        Optimizer byDefault = provider.create(new dev.plugnet.api.OptimizerContext(List.of(weight(1, 1)),
                Options.parse(provider.options(), Map.of(), "optimizer"), 0L));
        assertEquals(0.01, byDefault.learningRate());
        ConfigException e = assertThrows(ConfigException.class, () -> provider.create(new dev.plugnet.api.OptimizerContext(List.of(weight(1, 1)),
                Options.parse(provider.options(), Map.of("momentum", 1), "optimizer"), 0L)));
        assertEquals("optimizer.momentum", e.location());
        assertEquals("expected a number >= 0 and < 1, got 1", e.problem()); // as written in the JSON
        assertThrows(ConfigException.class,
                () -> Options.parse(provider.options(), Map.of("momentum", -0.1), "optimizer"));
    }
}
