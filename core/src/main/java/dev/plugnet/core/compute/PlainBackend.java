package dev.plugnet.core.compute;

import dev.plugnet.api.ComputeBackend;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.MatrixProducts;

/**
 * The last resort when no compute plugin is installed (not even {@code java}): the api's reference loops on
 * the calling thread. Correct and allocation-free, but slow for wide layers.
 */
final class PlainBackend implements ComputeBackend {
    static final String NAME = "plain";

    @Override
    public void multiply(Matrix a, boolean transposeA, Matrix b, boolean transposeB, Matrix c, boolean accumulate) {
        MatrixProducts.plain().multiply(a, transposeA, b, transposeB, c, accumulate);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public String describe() {
        return "plain reference loops on the calling thread (no compute plugin installed)";
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "plain (1 thread)";
    }
}
