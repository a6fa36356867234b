package dev.plugnet.core.network;

import dev.plugnet.api.Activation;
import dev.plugnet.api.support.BatchBuffer;
import dev.plugnet.api.Layer;
import dev.plugnet.api.Matrix;

/**
 * One entry of a network's {@code layers}: a layer and the activation on its output, with the values of the
 * last forward and backward pass. In SPEC.md's terms, for the hidden dense layer of the 5-4-3 network:
 * {@link #preActivation()} is {@code a1}, {@link #output()} is {@code z}, {@link #outputGradient()} is
 * {@code dL/dz} (step 5) and {@link #preActivationGradient()} is {@code dL/da1} (step 6).
 *
 * <p>The matrices are live buffers, valid until the next pass; read them, do not keep or change them.
 */
public final class Stage {
    private final int index;
    private final String layerType;
    private final Layer layer;
    private final String activationName;
    private final Activation activation;

    private final BatchBuffer ownOut;
    private final BatchBuffer ownPreGrad;

    private Matrix pre;
    private Matrix out;
    private Matrix outGrad;
    private Matrix preGrad;

    Stage(int index, String layerType, Layer layer, String activationName, Activation activation) {
        this.index = index;
        this.layerType = layerType;
        this.layer = layer;
        this.activationName = activationName;
        this.activation = activation;
        this.ownOut = new BatchBuffer(layer.outputWidth());
        this.ownPreGrad = new BatchBuffer(layer.outputWidth());
    }

    Matrix forward(Matrix input, boolean training) {
        pre = layer.forward(input, training);
        if (activation == null) {
            out = pre;
        } else {
            out = ownOut.rows(pre.rows());
            activation.forward(pre, out);
        }
        return out;
    }

    /** Runs the activation's backward (or passes the gradient through) from dL/d(output). */
    Matrix activationBackward(Matrix outputGradient) {
        outGrad = outputGradient;
        if (activation == null) {
            preGrad = outputGradient;
        } else {
            preGrad = ownPreGrad.rows(pre.rows());
            activation.backward(pre, out, outputGradient, preGrad);
        }
        return preGrad;
    }

    /** Records dL/da computed by a shortcut, which skips dL/d(output). */
    Matrix preActivationGradientBuffer() {
        outGrad = null;
        preGrad = ownPreGrad.rows(pre.rows());
        return preGrad;
    }

    Matrix layerBackward(boolean needInputGradient) {
        return layer.backward(preGrad, needInputGradient);
    }

    /** @return the position in the model's {@code layers} */
    public int index() {
        return index;
    }

    /** @return the layer plugin's name, for example {@code dense} */
    public String layerType() {
        return layerType;
    }

    public Layer layer() {
        return layer;
    }

    /** @return the activation plugin's name, or {@code null} if the layer has none */
    public String activationName() {
        return activationName;
    }

    /** @return the layer's output before the activation (a), from the last forward */
    public Matrix preActivation() {
        return pre;
    }

    /** @return the activation's output (z, or s for the last softmax), from the last forward */
    public Matrix output() {
        return out;
    }

    /** @return dL/d(output) from the last backward; {@code null} for the last stage when a shortcut ran */
    public Matrix outputGradient() {
        return outGrad;
    }

    /** @return dL/da from the last backward */
    public Matrix preActivationGradient() {
        return preGrad;
    }
}
