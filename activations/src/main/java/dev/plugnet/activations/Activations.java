package dev.plugnet.activations;

import dev.plugnet.api.Matrix;

/** Shape checks shared by the activations of this module. */
final class Activations {
    private Activations() {
    }

    /**
     * Throws {@link dev.plugnet.api.ShapeMismatchException} unless the four matrices of a backward pass have one
     * shape.
     *
     * @param operation named in the message, for example {@code "sigmoid backward"}; a constant, so that the
     *        check allocates nothing
     */
    static void requireBackwardShapes(String operation, Matrix pre, Matrix out, Matrix outGradient,
                                      Matrix preGradient) {
        Matrix.requireSameShape(operation, pre, out);
        Matrix.requireSameShape(operation, pre, outGradient);
        Matrix.requireSameShape(operation, pre, preGradient);
    }
}
