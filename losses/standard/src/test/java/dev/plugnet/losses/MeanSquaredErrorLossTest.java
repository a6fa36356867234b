package dev.plugnet.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.ShapeMismatchException;
import org.junit.jupiter.api.Test;

class MeanSquaredErrorLossTest {
    private final MeanSquaredErrorLoss loss = new MeanSquaredErrorLoss();

    @Test
    void valueIsTheMeanOverEveryElement() {
        Matrix y = Matrix.of(new double[] {1, 2}, new double[] {3, 4});
        Matrix t = Matrix.of(new double[] {0, 2}, new double[] {5, 4});
        assertEquals(1.25, loss.value(y, t));
    }

    @Test
    void gradientIsTwiceTheDifferenceOverBTimesK() {
        Matrix y = Matrix.of(new double[] {1, 2}, new double[] {3, 4});
        Matrix t = Matrix.of(new double[] {0, 2}, new double[] {5, 4});
        Matrix d = Matrix.zeros(2, 2);
        loss.gradient(y, t, d);
        assertEquals(Matrix.of(new double[] {0.5, 0}, new double[] {-1, 0}), d);
    }

    @Test
    void targetsOfAnotherShapeAreRefused() {
        assertThrows(ShapeMismatchException.class, () -> loss.value(Matrix.zeros(2, 2), Matrix.zeros(2, 1)));
        assertThrows(ShapeMismatchException.class,
                () -> loss.gradient(Matrix.zeros(2, 2), Matrix.zeros(2, 2), Matrix.zeros(1, 2)));
    }
}
