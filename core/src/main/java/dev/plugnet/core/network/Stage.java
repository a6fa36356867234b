package dev.plugnet.core.network;

import dev.plugnet.core.plugins.PluginFailedException;
import dev.plugnet.core.plugins.PluginLabel;

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
    private final PluginLabel layerLabel;
    private final PluginLabel activationLabel;

    private final BatchBuffer ownOut;
    private final BatchBuffer ownPreGrad;

    private Matrix pre;
    private Matrix out;
    private Matrix outGrad;
    private Matrix preGrad;

    Stage(int index, String layerType, Layer layer, String activationName, Activation activation,
          PluginLabel layerLabel, PluginLabel activationLabel) {
        this.index = index;
        this.layerLabel = layerLabel;
        this.activationLabel = activationLabel;
        this.layerType = layerType;
        this.layer = layer;
        this.activationName = activationName;
        this.activation = activation;
        this.ownOut = new BatchBuffer(layer.outputWidth());
        this.ownPreGrad = new BatchBuffer(layer.outputWidth());
    }

    Matrix forward(Matrix input, boolean training) {
        try {
            pre = layer.forward(input, training);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw layerFailed("forward", e);
        }
        if (activation == null) {
            out = pre;
        } else {
            out = ownOut.rows(pre.rows());
            try {
                activation.forward(pre, out);
            } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
                throw activationFailed("forward", e);
            }
        }
        return out;
    }

    private PluginFailedException layerFailed(String phase, Throwable e) {
        return PluginFailedException.of("layers[" + index + "]", layerLabel, phase, e);
    }

    private PluginFailedException activationFailed(String phase, Throwable e) {
        return PluginFailedException.of("layers[" + index + "].activation", activationLabel, phase, e);
    }

    /** Runs the activation's backward (or passes the gradient through) from dL/d(output). */
    Matrix activationBackward(Matrix outputGradient) {
        outGrad = outputGradient;
        if (activation == null) {
            preGrad = outputGradient;
        } else {
            preGrad = ownPreGrad.rows(pre.rows());
            try {
                activation.backward(pre, out, outputGradient, preGrad);
            } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
                throw activationFailed("backward", e);
            }
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
        try {
            return layer.backward(preGrad, needInputGradient);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw layerFailed("backward", e);
        }
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
