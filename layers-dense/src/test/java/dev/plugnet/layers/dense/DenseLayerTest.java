package dev.plugnet.layers.dense;

import dev.plugnet.testkit.Allocations;

import dev.plugnet.testkit.SeedCase;

import static dev.plugnet.testkit.MatrixAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.Parameter;
import dev.plugnet.api.ShapeMismatchException;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DenseLayerTest {
    private static final double TOLERANCE = 1e-12;

    private static DenseLayer firstLayer() {
        return new DenseLayer(Matrix.of(SeedCase.w1()), Matrix.of(SeedCase.b1()));
    }

    private static DenseLayer secondLayer() {
        return new DenseLayer(Matrix.of(SeedCase.w2()), Matrix.of(SeedCase.b2()));
    }

    @Test
    void forwardComputesXTimesWPlusBiasAsInTheReferenceCase() {
        assertClose(SeedCase.a1(), firstLayer().forward(Matrix.of(SeedCase.x()), true), TOLERANCE);
        assertClose(SeedCase.a2(), secondLayer().forward(Matrix.of(SeedCase.z()), true), TOLERANCE);
    }

    @Test
    void forwardOfASmallCaseByHand() {
        DenseLayer layer = new DenseLayer(Matrix.of(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6}),
                Matrix.row(0.5, -1));
        Matrix a = layer.forward(Matrix.of(new double[] {1, 0, -1}, new double[] {2, 1, 0}), false);
        // row 0: [1-5, 2-6] + b = [-3.5, -5]; row 1: [2+3, 4+4] + b = [5.5, 7]
        assertEquals(Matrix.of(new double[] {-3.5, -5}, new double[] {5.5, 7}), a);
    }

    @Test
    void backwardOfTheOutputLayerGivesSteps3To5() {
        DenseLayer layer = secondLayer();
        layer.forward(Matrix.of(SeedCase.z()), true);
        Matrix dz = layer.backward(Matrix.of(SeedCase.dLda2()), true);
        List<Parameter> parameters = layer.parameters();
        assertClose(SeedCase.dLdW2(), parameters.get(0).gradient(), TOLERANCE);
        assertClose(SeedCase.dLdb2(), parameters.get(1).gradient(), TOLERANCE);
        assertClose(SeedCase.dLdz(), dz, TOLERANCE);
    }

    @Test
    void backwardOfTheHiddenLayerGivesSteps7And8WithoutInputGradient() {
        DenseLayer layer = firstLayer();
        layer.forward(Matrix.of(SeedCase.x()), true);
        assertNull(layer.backward(Matrix.of(SeedCase.dLda1()), false));
        assertClose(SeedCase.dLdW1(), layer.parameters().get(0).gradient(), TOLERANCE);
        assertClose(SeedCase.dLdb1(), layer.parameters().get(1).gradient(), TOLERANCE);
    }

    @Test
    void backwardOverwritesRatherThanAccumulatesGradients() {
        DenseLayer layer = secondLayer();
        Matrix z = Matrix.of(SeedCase.z());
        Matrix g = Matrix.of(SeedCase.dLda2());
        layer.forward(z, true);
        layer.backward(g, true);
        layer.forward(z, true);
        layer.backward(g, true);
        assertClose(SeedCase.dLdW2(), layer.parameters().get(0).gradient(), TOLERANCE);
        assertClose(SeedCase.dLdb2(), layer.parameters().get(1).gradient(), TOLERANCE);
    }

    @Test
    void parametersAreWeightsThenBiasAndOnlyWeightsDecay() {
        DenseLayer layer = firstLayer();
        List<Parameter> parameters = layer.parameters();
        assertEquals(2, parameters.size());
        assertEquals("W", parameters.get(0).name());
        assertEquals("(5×4)", parameters.get(0).value().shape());
        assertTrue(parameters.get(0).decayed());
        assertEquals("b", parameters.get(1).name());
        assertEquals("(1×4)", parameters.get(1).value().shape());
        assertFalse(parameters.get(1).decayed());
        assertEquals(5, layer.inputWidth());
        assertEquals(4, layer.outputWidth());
    }

    @Test
    void layerWithoutBiasHasOnlyWeightsAndAddsNothing() {
        DenseLayer layer = new DenseLayer(Matrix.of(new double[] {2}, new double[] {-1}), null);
        assertEquals(1, layer.parameters().size());
        Matrix a = layer.forward(Matrix.of(new double[] {3, 4}), true);
        assertEquals(Matrix.of(new double[] {2}), a);
        Matrix dx = layer.backward(Matrix.of(new double[] {0.5}), true);
        assertEquals(Matrix.of(new double[] {1.5}, new double[] {2}), layer.parameters().get(0).gradient());
        assertEquals(Matrix.of(new double[] {1, -0.5}), dx);
    }

    @Test
    void forwardRejectsAnInputOfTheWrongWidth() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> firstLayer().forward(Matrix.zeros(4, 3), true));
        assertTrue(e.getMessage().contains("dense input"), e.getMessage());
        assertTrue(e.getMessage().contains("(4×5)") && e.getMessage().contains("(4×3)"), e.getMessage());
    }

    @Test
    void backwardRejectsAGradientThatDoesNotMatchTheLastOutput() {
        DenseLayer layer = firstLayer();
        layer.forward(Matrix.zeros(4, 5), true);
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> layer.backward(Matrix.zeros(3, 4), true));
        assertTrue(e.getMessage().contains("dense output gradient"), e.getMessage());
    }

    @Test
    void backwardBeforeForwardIsAnError() {
        assertThrows(IllegalStateException.class, () -> firstLayer().backward(Matrix.zeros(4, 4), true));
    }

    @Test
    void buffersAreReusedForOneBatchSizeAndReplacedWhenItChanges() {
        DenseLayer layer = firstLayer();
        Matrix first = layer.forward(Matrix.zeros(4, 5), true);
        Matrix firstGradient = layer.backward(Matrix.zeros(4, 4), true);
        assertSame(first, layer.forward(Matrix.zeros(4, 5), true));
        assertSame(firstGradient, layer.backward(Matrix.zeros(4, 4), true));
        Matrix other = layer.forward(Matrix.zeros(7, 5), true);
        assertNotSame(first, other);
        assertEquals("(7×4)", other.shape());
        assertEquals("(7×5)", layer.backward(Matrix.zeros(7, 4), true).shape());
    }

    @Test
    void aTrainingStepAllocatesNothingOnceBuffersExist() {
        DenseLayer layer = firstLayer();
        Matrix x = Matrix.of(SeedCase.x());
        Matrix g = Matrix.of(SeedCase.dLda1());
        Runnable step = () -> {
            layer.forward(x, true);
            layer.backward(g, true);
        };
        for (int i = 0; i < 20_000; i++) {
            step.run();
        }
        OptionalLong bytes = Allocations.bytesAllocatedBy(step, 10_000);
        assumeTrue(bytes.isPresent(), "this JDK cannot measure allocation");
        assertTrue(bytes.getAsLong() < 10_000, "allocated " + bytes.getAsLong() + " bytes in 10000 steps");
    }
}
