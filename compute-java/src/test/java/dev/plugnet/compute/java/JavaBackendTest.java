package dev.plugnet.compute.java;

import dev.plugnet.api.ComputeBackend;
import dev.plugnet.api.ComputeContext;
import dev.plugnet.api.Matrix;
import dev.plugnet.compute.java.rows.RowWorkers;
import dev.plugnet.testkit.ComputeCheck;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The java backend: the compute check, bit-identity across thread counts, and a closed backend. */
class JavaBackendTest {
    private final JavaComputeProvider provider = new JavaComputeProvider();

    @Test
    void passesTheComputeCheckAtOneTwoAndThreeThreads() {
        ComputeCheck.of(provider).threads(1, 2, 3).verify();
    }

    @Test
    void everyThreadCountGivesTheSameBits() {
        SplittableRandom r = new SplittableRandom(2);
        Matrix a = random(128, 784, r);
        Matrix b = random(784, 256, r);
        Matrix g = random(128, 256, r);
        try (ComputeBackend one = provider.open(new ComputeContext(1))) {
            Matrix ab = one.multiplyInto(a, b, Matrix.zeros(128, 256));
            Matrix atg = one.transposeMultiplyInto(a, g, Matrix.zeros(784, 256));
            Matrix gbt = one.multiplyTransposeInto(g, b, Matrix.zeros(128, 784));
            for (int threads : new int[] {2, 3}) {
                try (ComputeBackend many = provider.open(new ComputeContext(threads))) {
                    for (int repeat = 0; repeat < 3; repeat++) {
                        assertEquals(ab, many.multiplyInto(a, b, Matrix.zeros(128, 256)));
                        assertEquals(atg, many.transposeMultiplyInto(a, g, Matrix.zeros(784, 256)));
                        assertEquals(gbt, many.multiplyTransposeInto(g, b, Matrix.zeros(128, 784)));
                    }
                }
            }
        }
    }

    @Test
    void aClosedBackendStillMultipliesOnTheCaller() {
        SplittableRandom r = new SplittableRandom(3);
        Matrix a = random(128, 784, r);
        Matrix b = random(784, 64, r);
        ComputeBackend backend = provider.open(new ComputeContext(2));
        Matrix expected = backend.multiplyInto(a, b, Matrix.zeros(128, 64));
        backend.close();
        assertEquals(expected, backend.multiplyInto(a, b, Matrix.zeros(128, 64)));
    }

    @Test
    void namesItselfAndItsThreads() {
        try (ComputeBackend backend = provider.open(new ComputeContext(2))) {
            assertEquals("java", backend.name());
            assertEquals(2, backend.threads());
            assertEquals("java (2 threads)", backend.toString());
        }
        assertEquals(0, provider.autoFrom());
        assertThrows(IllegalArgumentException.class, () -> new RowWorkers(0, "x"));
    }

    private static Matrix random(int rows, int cols, SplittableRandom r) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = r.nextDouble(-1, 1);
        }
        return m;
    }
}
