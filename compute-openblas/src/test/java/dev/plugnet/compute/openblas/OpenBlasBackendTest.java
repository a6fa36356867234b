package dev.plugnet.compute.openblas;

import dev.plugnet.api.ComputeBackend;
import dev.plugnet.api.ComputeContext;
import dev.plugnet.api.Matrix;
import dev.plugnet.testkit.Allocations;
import dev.plugnet.testkit.ComputeCheck;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The openblas backend on this machine: the compute check, reproducibility, no allocation per product. */
class OpenBlasBackendTest {
    private final OpenBlasComputeProvider provider = new OpenBlasComputeProvider();

    @Test
    void passesTheComputeCheckAtOneTwoAndThreeThreads() {
        ComputeCheck.of(provider).threads(1, 2, 3).verify();
    }

    @Test
    void aW3StepsProductsAreBitIdenticalRunAfterRunForOneThreadCount() {
        SplittableRandom r = new SplittableRandom(5);
        Matrix x = random(128, 784, r);
        Matrix w = random(784, 256, r);
        Matrix g = random(128, 256, r);
        for (int threads : new int[] {1, 2}) {
            Matrix ab;
            Matrix atg;
            Matrix gbt;
            try (ComputeBackend one = provider.open(new ComputeContext(threads))) {
                ab = one.multiplyInto(x, w, Matrix.zeros(128, 256));
                atg = one.transposeMultiplyInto(x, g, Matrix.zeros(784, 256));
                gbt = one.multiplyTransposeInto(g, w, Matrix.zeros(128, 784));
            }
            try (ComputeBackend again = provider.open(new ComputeContext(threads))) {
                for (int repeat = 0; repeat < 5; repeat++) {
                    assertEquals(ab, again.multiplyInto(x, w, Matrix.zeros(128, 256)));
                    assertEquals(atg, again.transposeMultiplyInto(x, g, Matrix.zeros(784, 256)));
                    assertEquals(gbt, again.multiplyTransposeInto(g, w, Matrix.zeros(128, 784)));
                }
            }
        }
    }

    @Test
    void aProductAllocatesNothingOnceItsBuffersExist() {
        SplittableRandom r = new SplittableRandom(6);
        Matrix x = random(128, 784, r);
        Matrix w = random(784, 64, r);
        Matrix out = Matrix.zeros(128, 64);
        try (ComputeBackend backend = provider.open(new ComputeContext(2))) {
            Runnable product = () -> backend.multiplyInto(x, w, out);
            for (int i = 0; i < 2_000; i++) {
                product.run();
            }
            OptionalLong bytes = Allocations.bytesAllocatedBy(product, 1_000);
            assumeTrue(bytes.isPresent(), "this JDK cannot measure allocation");
            assertTrue(bytes.getAsLong() < 1_000, "allocated " + bytes.getAsLong() + " bytes in 1000 products");
        }
    }

    @Test
    void namesItsLibraryAndThreads() {
        try (ComputeBackend backend = provider.open(new ComputeContext(2))) {
            assertEquals("openblas", backend.name());
            assertEquals(2, backend.threads());
            assertTrue(backend.describe().startsWith("OpenBLAS 0.3."), backend.describe());
        }
    }

    private static Matrix random(int rows, int cols, SplittableRandom r) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = r.nextDouble(-1, 1);
        }
        return m;
    }
}
