package dev.plugnet.core.hardening;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.NonFiniteException;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.network.Network;
import dev.plugnet.core.network.NamedParameter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC.md's numerics at the extremes: the shortcut stays finite; the generic path reports, never trains. */
class ExtremeValuesTest {
    private static final Plugnet PLUGNET = Plugnet.boot();

    private static Network network(String weights, boolean shortcuts) {
        return PLUGNET.assembler().network(PLUGNET.reader().read("""
                {"inputs": 2, "shortcuts": %s,
                 "layers": [{"type": "dense", "units": 3, "weights": %s, "biases": [0, 0, 0], "activation": "softmax"}],
                 "loss": "cross_entropy"}""".formatted(shortcuts, weights)));
    }

    @Test
    void logitsOfPlusMinus1000GiveAFiniteLossAndGradientsOnTheShortcutPath() {
        Network n = network("[[1000, -1000, 0], [0, 0, 0]]", true);
        n.forward(Matrix.of(new double[] {1, 0}, new double[] {-1, 0}), true);
        Matrix t = Matrix.of(new double[] {0, 1, 0}, new double[] {0.5, 0, 0.5});
        double loss = n.loss(t);
        // row 0: -log_softmax([1000,-1000,0])[1] = 2000; row 1: logits [-1000, 1000, 0]: 0.5·2000 + 0.5·1000
        assertEquals((2000 + 1500) / 2.0, loss, 1e-9);
        n.backward(t);
        for (NamedParameter p : n.namedParameters()) {
            assertTrue(p.parameter().gradient().isFinite(), p.path());
        }
        // dL/da = (s·rowsum(t) − t)/B: row 0 is ([1,0,0] − [0,1,0])/2
        assertEquals(0.5, n.stages().get(0).preActivationGradient().get(0, 0), 1e-15);
        assertEquals(-0.5, n.stages().get(0).preActivationGradient().get(0, 1), 1e-15);
    }

    @Test
    void inputsOf1e300GiveFiniteLossAndGradientsThroughASigmoidHiddenLayer() {
        Network n = PLUGNET.assembler().network(PLUGNET.reader().read("""
                {"inputs": 2, "seed": 3,
                 "layers": [{"type": "dense", "units": 4, "activation": "sigmoid"},
                            {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy"}"""));
        n.forward(Matrix.of(new double[] {1e300, -1e300}, new double[] {-1e300, 1e300}), true);
        Matrix t = Matrix.of(new double[] {1, 0, 0}, new double[] {0, 0, 1});
        assertTrue(Double.isFinite(n.loss(t)));
        n.backward(t);
        for (NamedParameter p : n.namedParameters()) {
            assertTrue(p.parameter().gradient().isFinite(), p.path() + " " + p.parameter().gradient());
        }
    }

    @Test
    void theGenericPathReportsWhereTheShortcutStaysFinite() {
        Network n = network("[[1000, -1000, 0], [0, 0, 0]]", false);
        n.forward(Matrix.of(new double[] {1, 0}), true);
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> n.backward(Matrix.of(new double[] {0, 1, 0})));
        assertEquals("step 1: dL/d(output) of cross_entropy", e.location());
        assertTrue(e.problem().startsWith("not finite at row 0, column 1"), e.problem());
    }
}
