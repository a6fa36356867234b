package dev.plugnet.losses.shortcut;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.Options;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.ShortcutContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.plugnet.testkit.MatrixAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shortcut with class weights: dL/da = (1/B)(s ⊙ Σ_k w_k t_bk − w ⊙ t), equal to the weighted generic steps. */
class WeightedShortcutTest {
    private static final double[] W = {1, 2.5, 0.5, 0};

    private static Matrix weighted(Matrix t) {
        Matrix wt = Matrix.zeros(t.rows(), t.cols());
        for (int b = 0; b < t.rows(); b++) {
            for (int k = 0; k < t.cols(); k++) {
                wt.set(b, k, W[k] * t.get(b, k));
            }
        }
        return wt;
    }

    @Test
    void agreesWithTheWeightedGenericStepsOneAndTwo() {
        SoftmaxCrossEntropyShortcut shortcut = new SoftmaxCrossEntropyShortcut(W);
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            Matrix logits = Matrix.zeros(5, 4);
            Matrix t = Matrix.zeros(5, 4);
            for (int b = 0; b < 5; b++) {
                for (int k = 0; k < 4; k++) {
                    logits.set(b, k, random.nextDouble(-4, 4));
                }
                t.set(b, random.nextInt(4), trial % 2 == 0 ? 1.0 : 0.6);
                t.set(b, random.nextInt(4), trial % 2 == 0 ? 0.0 : 0.4);
            }
            Matrix s = GenericPath.softmax(logits);
            Matrix wt = weighted(t);
            double expected = GenericPath.crossEntropy(s, wt);
            assertEquals(expected, shortcut.value(logits, s, t), 1e-13 * Math.max(1, Math.abs(expected)));
            assertEquals(expected, shortcut.valueFromLogits(logits, t), 1e-13 * Math.max(1, Math.abs(expected)));
            Matrix d = Matrix.zeros(5, 4);
            shortcut.gradient(logits, s, t, d);
            assertClose(GenericPath.logitsGradient(s, wt), d, 1e-12);
        }
    }

    @Test
    void theStepByHandForOneOneHotRow() {
        SoftmaxCrossEntropyShortcut shortcut = new SoftmaxCrossEntropyShortcut(new double[] {1, 3});
        Matrix logits = Matrix.of(new double[] {0, 0});
        Matrix s = Matrix.of(new double[] {0.5, 0.5});
        Matrix t = Matrix.of(new double[] {0, 1});
        Matrix d = Matrix.zeros(1, 2);
        shortcut.gradient(logits, s, t, d);
        // (1/B)(s ⊙ Σ_k w_k t_bk − w ⊙ t) = (0.5·3 − 0, 0.5·3 − 3)
        assertEquals(Matrix.of(new double[] {1.5, -1.5}), d);
        assertEquals(3 * Math.log(2), shortcut.value(logits, s, t), 1e-15);
    }

    @Test
    void theProviderReadsTheLossesClassWeights() {
        Options loss = Options.parse(List.of(OptionSpec.numberList("class_weights", "w")),
                Map.of("class_weights", List.of(1.0, 3.0)), "loss");
        ShortcutContext context = new ShortcutContext(Options.empty("layers[1].activation"), loss, 2);
        var shortcut = new SoftmaxCrossEntropyShortcutProvider().create(context);
        Matrix d = Matrix.zeros(1, 2);
        shortcut.gradient(Matrix.of(new double[] {0, 0}), Matrix.of(new double[] {0.5, 0.5}),
                Matrix.of(new double[] {0, 1}), d);
        assertEquals(Matrix.of(new double[] {1.5, -1.5}), d);
    }
}
