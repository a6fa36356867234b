package dev.plugnet.losses;

import dev.plugnet.testkit.SeedCase;

import static dev.plugnet.testkit.MatrixAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.ShapeMismatchException;
import dev.plugnet.api.support.CentralDifference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CrossEntropyLossTest {
    private final CrossEntropyLoss loss = new CrossEntropyLoss();

    private Matrix gradient(Matrix s, Matrix t) {
        Matrix d = Matrix.zeros(s.rows(), s.cols());
        loss.gradient(s, t, d);
        return d;
    }

    @Test
    void valueAndStep1MatchTheReferenceCase() {
        Matrix s = Matrix.of(SeedCase.s());
        Matrix t = Matrix.of(SeedCase.t());
        assertEquals(SeedCase.loss(), loss.value(s, t), 1e-14 * SeedCase.loss());
        assertClose(SeedCase.dLds(), gradient(s, t), 1e-14);
    }

    @Test
    void valueAndGradientByHandWithZeroTermsSkipped() {
        Matrix s = Matrix.of(new double[] {0.2, 0.3, 0.5}, new double[] {0.0, 1.0, 0.0});
        Matrix t = Matrix.of(new double[] {0, 0, 1}, new double[] {0, 1, 0});
        assertEquals(Math.log(2) / 2, loss.value(s, t), 1e-16);
        assertEquals(Matrix.of(new double[] {0, 0, -1}, new double[] {0, -0.5, 0}), gradient(s, t));
    }

    @Test
    void aPositiveTargetWhereTheOutputIsZeroIsNotFiniteAndNotClamped() {
        Matrix s = Matrix.of(new double[] {1.0, 0.0});
        Matrix t = Matrix.of(new double[] {0.5, 0.5});
        assertEquals(Double.POSITIVE_INFINITY, loss.value(s, t));
        Matrix d = gradient(s, t);
        assertEquals(-0.5, d.get(0, 0));
        assertEquals(Double.NEGATIVE_INFINITY, d.get(0, 1));
        assertTrue(!d.isFinite());
    }

    @Test
    void gradientIsTheDerivativeOfTheValueForArbitraryNonNegativeTargets() {
        SplittableRandom random = new SplittableRandom(17);
        Matrix s = Matrix.zeros(3, 4);
        Matrix t = Matrix.zeros(3, 4);
        for (int i = 0; i < s.data().length; i++) {
            s.data()[i] = 0.05 + random.nextDouble();
            t.data()[i] = i % 5 == 0 ? 0.0 : 2 * random.nextDouble();
        }
        Matrix analytic = gradient(s, t);
        Matrix numeric = Matrix.zeros(3, 4);
        double h = 1e-6;
        for (int i = 0; i < s.data().length; i++) {
            numeric.data()[i] = CentralDifference.at(s.data(), i, h, () -> loss.value(s, t));
        }
        assertClose(numeric, analytic, 1e-8);
        for (int i = 0; i < s.data().length; i += 5) {
            assertEquals(0.0, analytic.data()[i]);
        }
    }

    @Test
    void targetsOfAnotherShapeAreRefused() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> loss.value(Matrix.zeros(4, 3), Matrix.zeros(4, 2)));
        assertTrue(e.getMessage().contains("(4×3)") && e.getMessage().contains("(4×2)"), e.getMessage());
        assertThrows(ShapeMismatchException.class,
                () -> loss.gradient(Matrix.zeros(4, 3), Matrix.zeros(3, 3), Matrix.zeros(4, 3)));
        assertThrows(ShapeMismatchException.class,
                () -> loss.gradient(Matrix.zeros(4, 3), Matrix.zeros(4, 3), Matrix.zeros(4, 2)));
    }
}
