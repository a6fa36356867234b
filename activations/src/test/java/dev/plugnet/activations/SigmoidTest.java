package dev.plugnet.activations;

import dev.plugnet.testkit.SeedCase;

import static dev.plugnet.testkit.MatrixAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.ShapeMismatchException;
import org.junit.jupiter.api.Test;

class SigmoidTest {
    private final Sigmoid sigmoid = new Sigmoid();

    @Test
    void forwardGivesTheReferenceHiddenOutputs() {
        Matrix z = Matrix.zeros(4, 4);
        sigmoid.forward(Matrix.of(SeedCase.a1()), z);
        assertClose(SeedCase.z(), z, 1e-14);
    }

    @Test
    void backwardIsStep6OfTheReferenceCase() {
        Matrix z = Matrix.of(SeedCase.z());
        Matrix da1 = Matrix.zeros(4, 4);
        sigmoid.backward(Matrix.of(SeedCase.a1()), z, Matrix.of(SeedCase.dLdz()), da1);
        assertClose(SeedCase.dLda1(), da1, 1e-13);
    }

    @Test
    void knownValues() {
        Matrix out = Matrix.zeros(1, 3);
        sigmoid.forward(Matrix.row(0, Math.log(3), -Math.log(3)), out);
        assertEquals(0.5, out.get(0, 0));
        assertEquals(0.75, out.get(0, 1), 1e-16);
        assertEquals(0.25, out.get(0, 2), 1e-16);
    }

    @Test
    void extremeInputsStayFinite() {
        Matrix out = Matrix.zeros(1, 4);
        sigmoid.forward(Matrix.row(800, -800, 1e308, -1e308), out);
        assertEquals(Matrix.row(1, 0, 1, 0), out);
    }

    @Test
    void tinyOutputsKeepTheirRelativePrecision() {
        Matrix out = Matrix.zeros(1, 1);
        sigmoid.forward(Matrix.row(-40), out);
        double expected = Math.exp(-40) / (1 + Math.exp(-40));
        assertEquals(expected, out.get(0, 0), expected * 1e-15);
    }

    @Test
    void backwardByHand() {
        Matrix out = Matrix.row(0.5, 0.75);
        Matrix d = Matrix.zeros(1, 2);
        sigmoid.backward(Matrix.row(0, Math.log(3)), out, Matrix.row(2, -4), d);
        assertEquals(Matrix.row(0.5, -0.75), d);
    }

    @Test
    void mismatchedShapesAreRefused() {
        assertThrows(ShapeMismatchException.class, () -> sigmoid.forward(Matrix.zeros(2, 3), Matrix.zeros(3, 2)));
        assertThrows(ShapeMismatchException.class, () -> sigmoid.backward(Matrix.zeros(2, 3), Matrix.zeros(2, 3),
                Matrix.zeros(2, 2), Matrix.zeros(2, 3)));
    }
}
