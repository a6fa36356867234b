package com.example.plugnet.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ActivationContext;
import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Options;
import dev.plugnet.testkit.ActivationCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwishTest {
    private final SwishProvider provider = new SwishProvider();

    private Activation create(double beta) {
        return provider.create(new ActivationContext(Options.parse(provider.options(), Map.of("beta", beta),
                "layers[0].activation"), 3));
    }

    @Test
    void passesThePlugnetTestKitAsSiluAndWithASteeperSigmoid() {
        ActivationCheck.of(provider).verify();
        ActivationCheck.of(provider).options(Map.of("beta", 2.5)).width(5).batchSize(3).seed(9).verify();
    }

    @Test
    void forwardIsATimesTheSigmoidOfBetaA() {
        Matrix z = Matrix.zeros(1, 3);
        create(1.0).forward(Matrix.row(0, 1, -2), z);
        assertEquals(0.0, z.get(0, 0), 0.0);
        assertEquals(1 / (1 + Math.exp(-1)), z.get(0, 1), 1e-15);
        assertEquals(-2 / (1 + Math.exp(2)), z.get(0, 2), 1e-15);
        create(2.0).forward(Matrix.row(0, 1, -2), z);
        assertEquals(1 / (1 + Math.exp(-2)), z.get(0, 1), 1e-15);
    }

    @Test
    void staysFiniteInTheTails() {
        Activation swish = create(1.0);
        Matrix a = Matrix.row(-1000, 1000, -40);
        Matrix z = Matrix.zeros(1, 3);
        swish.forward(a, z);
        assertEquals(0.0, z.get(0, 0), 0.0);
        assertEquals(1000.0, z.get(0, 1), 0.0);
        Matrix g = Matrix.zeros(1, 3);
        swish.backward(a, z, Matrix.row(1, 1, 1), g);
        assertEquals(0.0, g.get(0, 0), 0.0);
        assertEquals(1.0, g.get(0, 1), 0.0);
        assertEquals(true, g.isFinite());
    }

    @Test
    void aBetaOfZeroIsRefusedAtItsPath() {
        ConfigException e = assertThrows(ConfigException.class, () -> create(0.0));
        assertEquals("layers[0].activation.beta", e.location());
    }
}
