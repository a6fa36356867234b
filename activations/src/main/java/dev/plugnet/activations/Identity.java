package dev.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.Matrix;

/** The identity {@code y = a}: its Jacobian is the identity, so {@code dL/da = dL/dy}. */
public final class Identity implements Activation {
    /** Creates the activation; it holds no state. */
    public Identity() {
    }

    @Override
    public void forward(Matrix pre, Matrix out) {
        Matrix.requireSameShape("identity", pre, out);
        out.copyFrom(pre);
    }

    /** {@inheritDoc} {@code dL/da = dL/dy}. */
    @Override
    public void backward(Matrix pre, Matrix out, Matrix outGradient, Matrix preGradient) {
        Activations.requireBackwardShapes("identity backward", pre, out, outGradient, preGradient);
        preGradient.copyFrom(outGradient);
    }
}
