package dev.plugnet.api;

import java.util.List;

/**
 * One layer of a network, for example {@code dense}: a map from a (B, n_in) batch to a (B, n_out) batch, with
 * its derivative beside it.
 *
 * <p>For the dense layer of SPEC.md, {@link #forward} computes {@code a = x·W + b} and {@link #backward}
 * does steps 3–5 (or 7–8): {@code dL/db = [1 … 1]·dL/da}, {@code dL/dW = xᵀ·dL/da}, and, when asked,
 * {@code dL/dx = dL/da · Wᵀ}.
 *
 * <p>Buffers: the matrices a layer returns are its own and stay valid until its next call of the same method;
 * callers must not write into them. A layer may keep a reference to its forward input, which the caller leaves
 * untouched until {@link #backward} returns. A layer reallocates its buffers only when the batch size changes,
 * so that a training step allocates nothing.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface Layer {
    /** @return n_in, the width of the rows this layer accepts */
    int inputWidth();

    /** @return n_out, the width of the rows this layer produces */
    int outputWidth();

    /**
     * @param input (B, n_in)
     * @param training whether this pass is part of training (layers such as dropout behave differently)
     * @return (B, n_out), owned by the layer
     * @throws ShapeMismatchException if {@code input} is not (B, n_in)
     */
    Matrix forward(Matrix input, boolean training);

    /**
     * Computes the gradients of this layer's parameters (overwriting {@link Parameter#gradient()}) and, if
     * asked, the gradient with respect to the input of the last {@link #forward}.
     *
     * @param outputGradient dL/d(output), (B, n_out)
     * @param needInputGradient whether the caller needs dL/d(input); the first layer of a network does not
     * @return dL/d(input), (B, n_in), owned by the layer; {@code null} when not asked for
     * @throws ShapeMismatchException if {@code outputGradient} does not match the last forward's output
     */
    Matrix backward(Matrix outputGradient, boolean needInputGradient);

    /** @return the trainable parameters, in a fixed order (for the dense layer {@code W} then {@code b}) */
    default List<Parameter> parameters() {
        return List.of();
    }
}
