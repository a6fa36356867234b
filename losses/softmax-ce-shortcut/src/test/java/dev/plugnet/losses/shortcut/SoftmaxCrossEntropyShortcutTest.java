package dev.plugnet.losses.shortcut;

import dev.plugnet.testkit.Allocations;

import dev.plugnet.testkit.SeedCase;

import static dev.plugnet.testkit.MatrixAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.ShapeMismatchException;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyShortcutTest {
    private final SoftmaxCrossEntropyShortcut shortcut = new SoftmaxCrossEntropyShortcut();

    private Matrix gradient(Matrix logits, Matrix t) {
        Matrix d = Matrix.zeros(logits.rows(), logits.cols());
        shortcut.gradient(logits, GenericPath.softmax(logits), t, d);
        return d;
    }

    @Test
    void valueAndGradientMatchTheReferenceCase() {
        Matrix a2 = Matrix.of(SeedCase.a2());
        Matrix t = Matrix.of(SeedCase.t());
        assertEquals(SeedCase.loss(), shortcut.valueFromLogits(a2, t), 1e-14 * SeedCase.loss());
        Matrix d = Matrix.zeros(4, 3);
        shortcut.gradient(a2, Matrix.of(SeedCase.s()), t, d);
        assertClose(SeedCase.dLda2(), d, 1e-14);
    }

    @Test
    void valueFromTheSoftmaxOutputAgreesWithLogSumExpEvenWhereSoftmaxUnderflows() {
        Matrix a2 = Matrix.of(SeedCase.a2());
        Matrix t = Matrix.of(SeedCase.t());
        assertEquals(SeedCase.loss(), shortcut.value(a2, Matrix.of(SeedCase.s()), t), 1e-14 * SeedCase.loss());
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            double scale = trial % 4 == 0 ? 1000 : 5;
            Matrix logits = Matrix.zeros(6, 4);
            Matrix target = Matrix.zeros(6, 4);
            for (int r = 0; r < 6; r++) {
                for (int k = 0; k < 4; k++) {
                    logits.set(r, k, random.nextDouble(-scale, scale));
                }
                target.set(r, random.nextInt(4), trial % 2 == 0 ? 1.0 : 0.7);
                target.set(r, random.nextInt(4), trial % 2 == 0 ? 0.0 : 0.3);
            }
            double expected = shortcut.valueFromLogits(logits, target);
            double actual = shortcut.value(logits, GenericPath.softmax(logits), target);
            assertTrue(Double.isFinite(actual));
            assertEquals(expected, actual, 1e-13 * Math.max(1, Math.abs(expected)), "trial " + trial);
        }
    }

    @Test
    void byHandForAUniformSoftmax() {
        Matrix logits = Matrix.row(0, 0);
        assertEquals(Math.log(2), shortcut.valueFromLogits(logits, Matrix.row(1, 0)), 1e-16);
        assertEquals(Matrix.row(-0.5, 0.5), gradient(logits, Matrix.row(1, 0)));
    }

    @Test
    void keepsRowsumOfTargetsThatDoNotSumToOne() {
        Matrix logits = Matrix.row(0, 0);
        Matrix t = Matrix.row(2, 0);
        assertEquals(2 * Math.log(2), shortcut.valueFromLogits(logits, t), 1e-15);
        assertEquals(Matrix.row(-1, 1), gradient(logits, t));
    }

    @RepeatedTest(5)
    void equalsTheGenericStepsOnRandomDataIncludingUnnormalisedTargets(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        int batch = 1 + random.nextInt(8);
        int classes = 2 + random.nextInt(6);
        Matrix logits = Matrix.zeros(batch, classes);
        Matrix t = Matrix.zeros(batch, classes);
        for (int i = 0; i < logits.data().length; i++) {
            logits.data()[i] = 3 * random.nextGaussian();
            t.data()[i] = random.nextInt(4) == 0 ? 0.0 : 2 * random.nextDouble();
        }
        Matrix s = GenericPath.softmax(logits);
        assertEquals(GenericPath.crossEntropy(s, t), shortcut.valueFromLogits(logits, t),
                1e-12 * Math.abs(GenericPath.crossEntropy(s, t)));
        Matrix d = Matrix.zeros(batch, classes);
        shortcut.gradient(logits, s, t, d);
        assertClose(GenericPath.logitsGradient(s, t), d, 1e-12);
    }

    @Test
    void logitsOfPlusMinusAThousandGiveAFiniteLossAndGradient() {
        Matrix logits = Matrix.of(new double[] {1000, -1000, 0}, new double[] {-1000, 1000, 1000});
        Matrix t = Matrix.of(new double[] {0, 1, 0}, new double[] {1, 0, 0});
        double value = shortcut.valueFromLogits(logits, t);
        // row 0: −(−1000 − 1000 − ln(1 + 2e^−1000)) = 2000; row 1: −(−2000 − ln 2)
        assertEquals((2000 + 2000 + Math.log(2)) / 2, value, 1e-12 * value);
        Matrix d = gradient(logits, t);
        assertTrue(d.isFinite(), d.toString());
        assertEquals(Matrix.of(new double[] {0.5, -0.5, 0}, new double[] {-0.5, 0.25, 0.25}), d);
    }

    @Test
    void mismatchedShapesAreRefused() {
        assertThrows(ShapeMismatchException.class, () -> shortcut.valueFromLogits(Matrix.zeros(2, 3), Matrix.zeros(2, 2)));
        assertThrows(ShapeMismatchException.class, () -> shortcut.gradient(Matrix.zeros(2, 3), Matrix.zeros(2, 3),
                Matrix.zeros(2, 3), Matrix.zeros(3, 2)));
    }

    @Test
    void valueAndGradientAllocateNothing() {
        Matrix logits = Matrix.of(SeedCase.a2());
        Matrix s = Matrix.of(SeedCase.s());
        Matrix t = Matrix.of(SeedCase.t());
        Matrix d = Matrix.zeros(4, 3);
        Runnable pass = () -> {
            shortcut.valueFromLogits(logits, t);
            shortcut.gradient(logits, s, t, d);
        };
        for (int i = 0; i < 20_000; i++) {
            pass.run();
        }
        OptionalLong bytes = Allocations.bytesAllocatedBy(pass, 10_000);
        assumeTrue(bytes.isPresent(), "this JDK cannot measure allocation");
        assertTrue(bytes.getAsLong() < 10_000, "allocated " + bytes.getAsLong() + " bytes in 10000 passes");
    }
}
