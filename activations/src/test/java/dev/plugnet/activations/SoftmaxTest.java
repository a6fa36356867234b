package dev.plugnet.activations;

import dev.plugnet.testkit.SeedCase;

import static dev.plugnet.testkit.MatrixAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plugnet.api.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftmaxTest {
    private final Softmax softmax = new Softmax();

    private Matrix forward(Matrix pre) {
        Matrix out = Matrix.zeros(pre.rows(), pre.cols());
        softmax.forward(pre, out);
        return out;
    }

    @Test
    void forwardGivesTheReferenceDistribution() {
        assertClose(SeedCase.s(), forward(Matrix.of(SeedCase.a2())), 1e-14);
    }

    @Test
    void backwardIsStep2OfTheReferenceCase() {
        Matrix da2 = Matrix.zeros(4, 3);
        softmax.backward(Matrix.of(SeedCase.a2()), Matrix.of(SeedCase.s()), Matrix.of(SeedCase.dLds()), da2);
        assertClose(SeedCase.dLda2(), da2, 1e-13);
    }

    @Test
    void knownValues() {
        Matrix s = forward(Matrix.of(new double[] {0, 0}, new double[] {Math.log(3), 0}));
        assertEquals(Matrix.of(new double[] {0.5, 0.5}, new double[] {0.75, 0.25}), s);
    }

    @Test
    void logitsOfPlusMinusAThousandGiveAFiniteDistribution() {
        Matrix s = forward(Matrix.of(new double[] {1000, -1000, 0}, new double[] {-1000, -1000, -1000}));
        assertTrue(s.isFinite(), s.toString());
        assertEquals(1.0, s.get(0, 0) + s.get(0, 1) + s.get(0, 2));
        assertEquals(1.0, s.get(0, 0));
        assertEquals(Matrix.row(1.0 / 3, 1.0 / 3, 1.0 / 3), Matrix.row(s.toArray()[1]));
    }

    @Test
    void rowsAreDistributionsAndShiftInvariant() {
        SplittableRandom random = new SplittableRandom(5);
        Matrix a = Matrix.zeros(6, 5);
        for (int i = 0; i < a.data().length; i++) {
            a.data()[i] = 10 * random.nextGaussian();
        }
        Matrix shifted = a.copy();
        for (int i = 0; i < shifted.data().length; i++) {
            shifted.data()[i] += 123.0 * (i / 5);
        }
        Matrix s = forward(a);
        for (double[] row : s.toArray()) {
            double sum = 0;
            for (double v : row) {
                assertTrue(v >= 0);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-15);
        }
        assertClose(s, forward(shifted), 1e-12);
    }

    @Test
    void backwardIsTheVectorJacobianProductWithDiagSMinusSSTransposed() {
        SplittableRandom random = new SplittableRandom(11);
        int rows = 3;
        int k = 4;
        Matrix a = Matrix.zeros(rows, k);
        Matrix g = Matrix.zeros(rows, k);
        for (int i = 0; i < a.data().length; i++) {
            a.data()[i] = random.nextGaussian();
            g.data()[i] = random.nextGaussian();
        }
        Matrix s = forward(a);
        Matrix expected = Matrix.zeros(rows, k);
        for (int b = 0; b < rows; b++) {
            for (int j = 0; j < k; j++) {
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    double jacobian = (i == j ? s.get(b, i) : 0.0) - s.get(b, i) * s.get(b, j);
                    sum += g.get(b, i) * jacobian;
                }
                expected.set(b, j, sum);
            }
        }
        Matrix actual = Matrix.zeros(rows, k);
        softmax.backward(a, s, g, actual);
        assertClose(expected, actual, 1e-14);
    }

    @Test
    void providerSaysItOutputsADistribution() {
        assertTrue(new SoftmaxProvider().outputsDistribution());
    }
}
