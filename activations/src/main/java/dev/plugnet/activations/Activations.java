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
     * @param name the activation, named in the message
     */
    static void requireBackwardShapes(String name, Matrix pre, Matrix out, Matrix outGradient, Matrix preGradient) {
        String operation = name + " backward";
        Matrix.requireSameShape(operation, pre, out);
        Matrix.requireSameShape(operation, pre, outGradient);
        Matrix.requireSameShape(operation, pre, preGradient);
    }
}
