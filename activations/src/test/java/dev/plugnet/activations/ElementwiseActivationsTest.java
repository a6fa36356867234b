package dev.plugnet.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Options;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values by hand for tanh, relu, leaky_relu and identity. */
class ElementwiseActivationsTest {
    private static Matrix forward(Activation activation, Matrix pre) {
        Matrix out = Matrix.zeros(pre.rows(), pre.cols());
        activation.forward(pre, out);
        return out;
    }

    private static Matrix backward(Activation activation, Matrix pre, Matrix outGradient) {
        Matrix d = Matrix.zeros(pre.rows(), pre.cols());
        activation.backward(pre, forward(activation, pre), outGradient, d);
        return d;
    }

    @Test
    void tanhAndItsDerivativeOneMinusYSquared() {
        Tanh tanh = new Tanh();
        double y = Math.tanh(0.5);
        assertEquals(Matrix.row(0, y, -y, 1, -1), forward(tanh, Matrix.row(0, 0.5, -0.5, 800, -800)));
        assertEquals(Matrix.row(3, 2 * (1 - y * y), 0),
                backward(tanh, Matrix.row(0, 0.5, 800), Matrix.row(3, 2, 5)));
    }

    @Test
    void reluClipsNegativesAndItsDerivativeIsZeroAtZero() {
        Relu relu = new Relu();
        assertEquals(Matrix.row(0, 0, 0, 2.5), forward(relu, Matrix.row(-3, -0.0, 0, 2.5)));
        assertEquals(Matrix.row(0, 0, 7), backward(relu, Matrix.row(-1, 0, 1e-300), Matrix.row(5, 6, 7)));
    }

    @Test
    void leakyReluScalesNegativesBySlopeAndUsesSlopeAtZero() {
        LeakyRelu leaky = new LeakyRelu(0.1);
        assertEquals(Matrix.row(-0.30000000000000004, 0, 2), forward(leaky, Matrix.row(-3, 0, 2)));
        assertEquals(Matrix.row(0.5, 0.6000000000000001, 7), backward(leaky, Matrix.row(-1, 0, 1), Matrix.row(5, 6, 7)));
    }

    @Test
    void leakyReluSlopeDefaultsToOneHundredthAndMustNotBeNegative() {
        LeakyReluProvider provider = new LeakyReluProvider();
        LeakyRelu byDefault = (LeakyRelu) provider.create(new dev.plugnet.api.ActivationContext(
                Options.parse(provider.options(), Map.of(), "layers[0].activation"), 4));
        assertEquals(0.01, byDefault.slope());
        ConfigException e = assertThrows(ConfigException.class,
                () -> Options.parse(provider.options(), Map.of("slope", -0.5), "layers[0].activation"));
        assertEquals("layers[0].activation.slope", e.location());
        assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(-1));
    }

    @Test
    void identityPassesValuesAndGradientsThrough() {
        Identity identity = new Identity();
        assertEquals(Matrix.row(-3, 0, 2), forward(identity, Matrix.row(-3, 0, 2)));
        assertEquals(Matrix.row(5, 6, 7), backward(identity, Matrix.row(-1, 0, 1), Matrix.row(5, 6, 7)));
    }
}
