package dev.plugnet.api;

/**
 * The matrix products a layer needs, {@code C = op(A)·op(B)} or {@code C = op(A)·op(B) + C}, where
 * {@code op(X)} is {@code X} or its transpose {@code Xᵀ}. This is what a {@link LayerProvider} is handed in
 * {@link LayerContext#products()}: it says <em>what</em> to compute, never <em>how</em>; which backend runs
 * it (plain Java loops, packed Java kernels on several threads, a native BLAS) is the user's choice, made
 * with the {@code compute} setting, and a layer that goes through this interface runs on all of them.
 *
 * <p>Contract, for every implementation:
 * <ul>
 *   <li>shapes are checked before anything is written, and a mismatch throws {@link ShapeMismatchException}
 *       naming the product and every shape; {@code c} must be a distinct matrix from {@code a} and {@code b};
 *   <li>every element of {@code c} is the sum over the inner dimension in double precision (within the
 *       rounding of a different summation order: a backend may block, vectorise or fuse multiply-adds);
 *   <li>the same inputs give bit-identical results every time for one backend and one thread count, whatever
 *       else the machine does;
 *   <li>an implementation may be called from any thread; calls on one instance may be serialised;
 *   <li>nothing is kept after a call returns: the caller owns {@code a}, {@code b} and {@code c}.
 * </ul>
 *
 * <p>{@link #plain()} is the reference: plain loops on the calling thread, with no set-up and no buffers.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface MatrixProducts {

    /**
     * {@code c = op(a)·op(b)}, or {@code c = op(a)·op(b) + c} when {@code accumulate}.
     *
     * @param a the left operand, (m×k), or (k×m) when {@code transposeA}
     * @param transposeA whether {@code op(a)} is {@code aᵀ}
     * @param b the right operand, (k×n), or (n×k) when {@code transposeB}
     * @param transposeB whether {@code op(b)} is {@code bᵀ}
     * @param c the result, (m×n); distinct from {@code a} and {@code b}
     * @param accumulate whether to add the product to {@code c}'s values instead of overwriting them
     * @throws ShapeMismatchException if the shapes do not fit
     */
    void multiply(Matrix a, boolean transposeA, Matrix b, boolean transposeB, Matrix c, boolean accumulate);

    /**
     * {@code out = a · b}: (m×k)·(k×n) = (m×n), as in SPEC.md's forward {@code x·W}.
     *
     * @return {@code out}
     */
    default Matrix multiplyInto(Matrix a, Matrix b, Matrix out) {
        multiply(a, false, b, false, out, false);
        return out;
    }

    /**
     * {@code out = aᵀ · b}: (m×k)ᵀ·(m×n) = (k×n), as in SPEC.md step 4 ({@code zᵀ · dL/da2}).
     *
     * @return {@code out}
     */
    default Matrix transposeMultiplyInto(Matrix a, Matrix b, Matrix out) {
        multiply(a, true, b, false, out, false);
        return out;
    }

    /**
     * {@code out = a · bᵀ}: (m×n)·(k×n)ᵀ = (m×k), as in SPEC.md step 5 ({@code dL/da2 · W2ᵀ}).
     *
     * @return {@code out}
     */
    default Matrix multiplyTransposeInto(Matrix a, Matrix b, Matrix out) {
        multiply(a, false, b, true, out, false);
        return out;
    }

    /**
     * Checks the shapes of {@code c = op(a)·op(b)}; for implementations, before they write anything.
     *
     * @throws ShapeMismatchException naming the product and the three shapes if they do not fit, or if
     *         {@code c} is {@code a} or {@code b}
     */
    static void requireProductShapes(Matrix a, boolean transposeA, Matrix b, boolean transposeB, Matrix c) {
        int m = transposeA ? a.cols() : a.rows();
        int k = transposeA ? a.rows() : a.cols();
        int kb = transposeB ? b.cols() : b.rows();
        int n = transposeB ? b.rows() : b.cols();
        if (k != kb || !c.hasShape(m, n)) {
            throw new ShapeMismatchException(productName(transposeA, transposeB), a.shape() + (transposeA ? "ᵀ" : "") + "·" + b.shape()
                    + (transposeB ? "ᵀ" : "") + " into " + c.shape() + ": expected A." + (transposeA ? "rows" : "cols")
                    + " = B." + (transposeB ? "cols" : "rows") + " and out (" + m + "×" + n + ")");
        }
        if (c == a || c == b) {
            throw new ShapeMismatchException(productName(transposeA, transposeB), "the result must be a matrix distinct from its operands");
        }
    }

    private static String productName(boolean transposeA, boolean transposeB) {
        return (transposeA ? "Aᵀ" : "A") + "·" + (transposeB ? "Bᵀ" : "B");
    }

    /**
     * @return the reference products: plain loops on the calling thread, summing the inner dimension in
     *         order; no threads, no buffers, no set-up, so right for small products and for tests
     */
    static MatrixProducts plain() {
        return PlainProducts.INSTANCE;
    }
}
