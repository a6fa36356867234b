package com.example.plugnet.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.Optimizer;
import dev.plugnet.api.OptimizerContext;
import dev.plugnet.api.OptimizerStateException;
import dev.plugnet.api.Options;
import dev.plugnet.api.Parameter;
import dev.plugnet.testkit.OptimizerCheck;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RmspropTest {
    private final RmspropOptimizerProvider provider = new RmspropOptimizerProvider();

    @Test
    void passesThePlugnetTestKitWithAndWithoutWeightDecay() {
        OptimizerCheck.of(provider).verify();
        OptimizerCheck.of(provider).options(Map.of("learning_rate", 0.05, "rho", 0.9, "weight_decay", 0.01))
                .steps(12).seed(5).verify();
    }

    @Test
    void twoStepsMatchTheUpdateRuleByHand() {
        Parameter w = new Parameter("W", Matrix.row(1.0), true);
        Optimizer rmsprop = provider.create(new OptimizerContext(List.of(w),
                Options.parse(provider.options(), Map.of("learning_rate", 0.1, "rho", 0.9), "optimizer"), 1));
        w.gradient().set(0, 0, 2.0);
        rmsprop.step();
        double v = 0.1 * 4; // (1 - ρ) g²
        double expected = 1.0 - 0.1 * 2.0 / (Math.sqrt(v) + 1e-8);
        assertEquals(expected, w.value().get(0, 0), 1e-15);
        w.gradient().set(0, 0, -1.0);
        rmsprop.step();
        v = 0.9 * v + 0.1 * 1;
        expected += 0.1 / (Math.sqrt(v) + 1e-8);
        assertEquals(expected, w.value().get(0, 0), 1e-15);
        assertEquals(v, rmsprop.state().get("square_avg[0]").get(0, 0), 1e-15);
    }

    @Test
    void aNegativeSavedMeanOfSquaresIsRefusedNamingItsEntryAndElement() {
        Parameter w = new Parameter("W", Matrix.zeros(1, 2), true);
        Optimizer rmsprop = provider.create(new OptimizerContext(List.of(w),
                Options.parse(provider.options(), Map.of(), "optimizer"), 1));
        OptimizerStateException e = assertThrows(OptimizerStateException.class,
                () -> rmsprop.checkState("square_avg[0]", Matrix.row(0.5, -1e-3)));
        assertEquals("square_avg[0]", e.entry());
        assertEquals(1, e.element());
    }
}
