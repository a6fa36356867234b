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
            long least = Long.MAX_VALUE; // of three: a one-off JIT event allocates in one, a product in every one
            for (int repeat = 0; repeat < 3; repeat++) {
                OptionalLong bytes = Allocations.bytesAllocatedBy(product, 1_000);
                assumeTrue(bytes.isPresent(), "this JDK cannot measure allocation");
                least = Math.min(least, bytes.getAsLong());
            }
            assertTrue(least < 1_000, "allocated " + least + " bytes in 1000 products");
        }
    }

    @Test
    void onTheJavaArraysAProductHasTheBitsOfTheCopyingPathForEveryShapeTransposeAndThreadCount() {
        NativeBlas blas = NativeBlas.load();
        HeapBlas.Binding heap = HeapBlas.bind();
        assertTrue(heap.blas() != null, "the zero-copy binding did not load: " + heap.unavailableBecause());
        SplittableRandom r = new SplittableRandom(7);
        int[][] shapes = {{128, 256, 784}, {784, 256, 128}, {128, 784, 256}, {16, 10, 256}, {3, 1000, 700}, {1, 1, 1}};
        for (int threads : new int[] {1, 2, 3}) {
            try (OpenBlasBackend zeroCopy = new OpenBlasBackend(blas, heap, threads);
                 OpenBlasBackend copying = new OpenBlasBackend(blas, new HeapBlas.Binding(null, "a test"), threads)) {
                assertTrue(zeroCopy.describe().contains("no copies"), zeroCopy.describe());
                assertTrue(copying.describe().contains("native copies (a test)"), copying.describe());
                for (int[] s : shapes) {
                    int m = s[0];
                    int n = s[1];
                    int k = s[2];
                    for (int t = 0; t < 4; t++) {
                        boolean ta = (t & 1) != 0;
                        boolean tb = (t & 2) != 0;
                        Matrix a = ta ? random(k, m, r) : random(m, k, r);
                        Matrix b = tb ? random(n, k, r) : random(k, n, r);
                        Matrix start = random(m, n, r);
                        for (boolean accumulate : new boolean[] {false, true}) {
                            Matrix expected = start.copy();
                            Matrix actual = start.copy();
                            copying.multiply(a, ta, b, tb, expected, accumulate);
                            zeroCopy.multiply(a, ta, b, tb, actual, accumulate);
                            assertEquals(expected, actual, m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb
                                    + " accumulate=" + accumulate + " threads=" + threads);
                        }
                    }
                }
            }
        }
    }

    @Test
    void findsTheBundledLibraryAmongJavaCppsLoadedLibraries() {
        assertEquals("/cache/libopenblas_nolapack.so.0", HeapBlas.bundledLibrary(java.util.Map.of(
                "gfortran@.5", "/cache/libgfortran.so.5", "openblas_nolapack@.0", "/cache/libopenblas_nolapack.so.0")));
        assertEquals(null, HeapBlas.bundledLibrary(java.util.Map.of("gfortran@.5", "/cache/libgfortran.so.5")));
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
