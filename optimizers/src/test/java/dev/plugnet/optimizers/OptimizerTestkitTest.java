package dev.plugnet.optimizers;

import dev.plugnet.testkit.OptimizerCheck;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** The testkit's optimizer check (state by name, resume bit for bit, no allocation) passes on every optimizer. */
class OptimizerTestkitTest {
    @Test
    void sgdPassesWithAndWithoutWeightDecay() {
        OptimizerCheck.of(new SgdOptimizerProvider()).verify();
        OptimizerCheck.of(new SgdOptimizerProvider()).options(Map.of("learning_rate", 0.3, "weight_decay", 0.01))
                .verify();
    }

    @Test
    void momentumPassesHeavyBallAndNesterov() {
        OptimizerCheck.of(new MomentumOptimizerProvider()).verify();
        OptimizerCheck.of(new MomentumOptimizerProvider())
                .options(Map.of("nesterov", true, "momentum", 0.5, "weight_decay", 0.1)).steps(12).verify();
    }

    @Test
    void adamPassesWithL2AndDecoupledDecay() {
        OptimizerCheck.of(new AdamOptimizerProvider()).options(Map.of("learning_rate", 0.05)).verify();
        OptimizerCheck.of(new AdamOptimizerProvider())
                .options(Map.of("learning_rate", 0.05, "weight_decay", 0.01, "decoupled", true)).seed(7).verify();
    }
}
