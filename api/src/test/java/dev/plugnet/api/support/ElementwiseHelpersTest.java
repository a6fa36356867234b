package dev.plugnet.api.support;

import dev.plugnet.api.Activation;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.ShapeMismatchException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The element-wise helpers: zip and Hadamard into a buffer, and an activation from f and f′. */
class ElementwiseHelpersTest {
    @Test
    void zipAndHadamardWriteIntoTheGivenBufferAndCheckShapes() {
        Matrix a = Matrix.row(1, 2, 3);
        Matrix b = Matrix.row(4, 5, 6);
        Matrix out = Matrix.zeros(1, 3);
        assertSame(out, a.zipInto(b, (x, y) -> x - y, out));
        assertEquals(Matrix.row(-3, -3, -3), out);
        assertEquals(Matrix.row(4, 10, 18), a.hadamardInto(b, out));
        assertEquals(Matrix.row(4, 10, 18), a.hadamardInto(b, a), "out may be this matrix");
        assertThrows(ShapeMismatchException.class, () -> a.zipInto(Matrix.row(1, 2), Double::sum, out));
        assertThrows(ShapeMismatchException.class, () -> a.hadamardInto(b, Matrix.zeros(3, 1)));
    }

    @Test
    void anElementwiseActivationIsSpecStepSixWithItsDerivative() {
        Activation sigmoid = ElementwiseActivation.of("sigmoid", v -> 1 / (1 + Math.exp(-v)), (v, z) -> z * (1 - z));
        Matrix pre = Matrix.row(0, 2);
        Matrix out = Matrix.zeros(1, 2);
        sigmoid.forward(pre, out);
        assertEquals(0.5, out.get(0, 0));
        Matrix grad = Matrix.zeros(1, 2);
        sigmoid.backward(pre, out, Matrix.row(2, 1), grad);
        assertEquals(0.5, grad.get(0, 0)); // 2 · 0.5 · 0.5
        assertEquals(out.get(0, 1) * (1 - out.get(0, 1)), grad.get(0, 1));
        assertThrows(ShapeMismatchException.class, () -> sigmoid.forward(pre, Matrix.zeros(1, 3)));
        assertThrows(ShapeMismatchException.class, () -> sigmoid.backward(pre, out, Matrix.zeros(2, 2), grad));
        assertThrows(IllegalArgumentException.class, () -> sigmoid.backward(pre, out, grad, grad));
    }
}
