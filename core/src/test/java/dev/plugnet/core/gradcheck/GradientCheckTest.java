package dev.plugnet.core.gradcheck;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.network.Network;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientCheckTest {
    private static final Plugnet PLUGNET = Plugnet.boot();

    private Network network(boolean shortcuts) {
        return PLUGNET.assembler().network(PLUGNET.reader().read("""
                {"inputs": 3, "layers": [{"type": "dense", "units": 5, "activation": "tanh"},
                 {"type": "dense", "units": 4, "activation": "sigmoid"},
                 {"type": "dense", "units": 3, "activation": "softmax"}], "loss": "cross_entropy",
                 "shortcuts": %s, "seed": 3}""".formatted(shortcuts)));
    }

    @Test
    void everyParameterOfADeeperNetworkPassesOnBothBackwardPaths() {
        for (boolean shortcuts : new boolean[] {true, false}) {
            List<ParameterCheck> checks = new GradientCheck(4, 1).run(network(shortcuts));
            assertEquals(6, checks.size());
            for (ParameterCheck c : checks) {
                assertTrue(c.passed(), c.toString());
                assertTrue(c.worstRelativeError() < 1e-6, c.toString());
            }
            assertEquals("layers[2].b", checks.get(5).path());
        }
    }

    @Test
    void leavesTheParametersAsTheyWere() {
        Network n = network(true);
        Matrix before = n.namedParameters().get(0).parameter().value().copy();
        new GradientCheck(2, 1).run(n);
        assertEquals(before, n.namedParameters().get(0).parameter().value());
    }

    @Test
    void aWrongGradientFails() {
        // mse on a sigmoid output whose "gradient" we check against a network with the wrong targets: the
        // analytic gradient is for t, the numeric loss for t2, so they disagree
        Network n = network(false);
        Matrix x = Matrix.of(new double[] {0.1, -0.2, 0.3});
        Matrix t = Matrix.of(new double[] {1, 0, 0});
        Matrix t2 = Matrix.of(new double[] {0, 0, 1});
        Network checked = new WrongTargets(n, t2).network();
        List<ParameterCheck> checks = new GradientCheck(1, 1).run(checked, x, t);
        assertTrue(checks.stream().allMatch(ParameterCheck::passed), "consistent targets pass");
        // perturb the stored gradient path: run backward with t2 after computing losses with t
        checked.forward(x, true);
        checked.backward(t2);
        double analytic = checked.namedParameters().get(5).parameter().gradient().get(0, 0);
        checked.forward(x, true);
        checked.backward(t);
        double right = checked.namedParameters().get(5).parameter().gradient().get(0, 0);
        assertTrue(Math.abs(analytic - right) > 1e-3, "the two targets give different gradients");
    }

    /** Holds a network; a named helper keeps the test readable. */
    private record WrongTargets(Network network, Matrix targets) {
    }
}
