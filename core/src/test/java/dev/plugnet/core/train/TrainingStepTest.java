package dev.plugnet.core.train;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.NonFiniteException;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.network.AssembledModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingStepTest {
    private static final Plugnet PLUGNET = Plugnet.boot();

    @Test
    void oneSgdStepMovesEachWeightByMinusRateTimesGradient() {
        AssembledModel model = PLUGNET.assemble(PLUGNET.reader().read("""
                {"inputs": 2, "layers": [{"type": "dense", "units": 2, "weights": [[1, 2], [3, 4]],
                 "biases": [0.5, -0.5], "activation": "softmax"}], "loss": "cross_entropy",
                 "optimizer": {"type": "sgd", "learning_rate": 0.1}}"""));
        Matrix x = Matrix.of(new double[] {1, -1});
        Matrix t = Matrix.of(new double[] {0, 1});
        model.network().forward(x, true);
        model.network().backward(t);
        Matrix gradW = model.network().parameters().get(0).gradient().copy();
        Matrix before = model.network().parameters().get(0).value().copy();
        double loss = new TrainingStep(model).run(x, t);
        // logits: [1-3+0.5, 2-4-0.5] = [-1.5, -2.5]; L = -ln softmax_1 = ln(1 + e^1)
        assertEquals(Math.log(1 + Math.E), loss, 1e-15);
        Matrix after = model.network().parameters().get(0).value();
        for (int i = 0; i < 4; i++) {
            assertEquals(before.data()[i] - 0.1 * gradW.data()[i], after.data()[i], 1e-15);
        }
    }

    @Test
    void aNonFiniteGradientStopsTheStepNamingTheParameterAndLeavesWeightsAlone() {
        AssembledModel model = PLUGNET.assemble(PLUGNET.reader().read("""
                {"inputs": 1, "layers": [{"type": "dense", "units": 1, "weights": [[1]], "biases": [0]}],
                 "loss": "mse", "optimizer": "sgd"}"""));
        Matrix before = model.network().parameters().get(0).value().copy();
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> new TrainingStep(model).run(Matrix.of(new double[] {1e300}), Matrix.of(new double[] {-1e300})));
        assertTrue(e.location().equals("loss") || e.location().startsWith("layers[0]"), e.getMessage());
        assertEquals(before, model.network().parameters().get(0).value());
    }
}
