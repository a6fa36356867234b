package dev.plugnet.layers.dense;

import dev.plugnet.api.Layer;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Parameter;
import java.util.List;

/**
 * A fully connected layer: {@code a = x·W + b}, with {@code W} stored (n_in, n_out) and {@code b} a (1×n_out)
 * row added to every sample, as in SPEC.md. Its backward is steps 3–5 (or 7–8):
 * {@code dL/db = [1 … 1]·dL/da}, {@code dL/dW = xᵀ·dL/da} and, when asked, {@code dL/dx = dL/da·Wᵀ}.
 *
 * <p>The products run on {@link DenseKernels}, which read {@code W}, {@code Wᵀ} and {@code dL/da} as row arrays
 * copied from the live matrices at each call (a cost of one pass over W, small beside the product). On JDK 17
 * they measured 3–4× faster than {@link Matrix}'s flat-array products for wide layers and no slower for
 * narrow ones; {@code DenseKernelsTest} holds them to Matrix's results. The output,
 * input-gradient and row buffers are reallocated only when the batch size changes; the layer keeps a reference to
 * its last forward input for the backward pass.
 */
public final class DenseLayer implements Layer {
    private final int inputWidth;
    private final int outputWidth;
    private final Parameter weights;
    private final Parameter bias;
    private final List<Parameter> parameters;

    private final double[][] weightRows;
    private final double[][] scratch;
    private double[][] transposedWeightRows;
    private double[][] gradientRows;

    private Matrix input;
    private Matrix output;
    private Matrix inputGradient;

    /**
     * @param weights the initial W, (n_in, n_out); kept (not copied) as the value of parameter {@code W}
     * @param bias the initial b, (1×n_out), kept as the value of parameter {@code b}; {@code null} for a layer
     *        without bias
     * @throws IllegalArgumentException if {@code bias} is not (1×n_out)
     */
    public DenseLayer(Matrix weights, Matrix bias) {
        this.inputWidth = weights.rows();
        this.outputWidth = weights.cols();
        this.weights = new Parameter("W", weights, true);
        if (bias == null) {
            this.bias = null;
            this.parameters = List.of(this.weights);
        } else {
            if (!bias.hasShape(1, outputWidth)) {
                throw new IllegalArgumentException("bias must be (1×" + outputWidth + "), got " + bias.shape());
            }
            this.bias = new Parameter("b", bias, false);
            this.parameters = List.of(this.weights, this.bias);
        }
        this.weightRows = new double[inputWidth][outputWidth];
        this.scratch = new double[DenseKernels.BLOCK][Math.max(inputWidth, outputWidth)];
    }

    @Override
    public int inputWidth() {
        return inputWidth;
    }

    @Override
    public int outputWidth() {
        return outputWidth;
    }

    /** {@inheritDoc} Computes {@code a = x·W + b}. */
    @Override
    public Matrix forward(Matrix input, boolean training) {
        int batch = input.rows();
        Matrix.requireShape("dense input", input, batch, inputWidth);
        if (output == null || output.rows() != batch) {
            output = Matrix.zeros(batch, outputWidth);
        }
        DenseKernels.toRows(weights.value().data(), inputWidth, outputWidth, weightRows);
        DenseKernels.multiply(input.data(), batch, inputWidth, weightRows, outputWidth,
                bias == null ? null : bias.value().data(), output.data(), scratch);
        this.input = input;
        return output;
    }

    /**
     * {@inheritDoc} Computes {@code dL/db} (column sums, SPEC.md step 3/7), {@code dL/dW = xᵀ·dL/da} (step 4/8)
     * and, if asked, {@code dL/dx = dL/da·Wᵀ} (step 5).
     *
     * @throws IllegalStateException if no forward pass preceded this call
     */
    @Override
    public Matrix backward(Matrix outputGradient, boolean needInputGradient) {
        if (input == null) {
            throw new IllegalStateException("dense: backward called before forward");
        }
        int batch = input.rows();
        Matrix.requireShape("dense output gradient", outputGradient, batch, outputWidth);
        if (bias != null) {
            outputGradient.columnSumsInto(bias.gradient());
        }
        if (gradientRows == null || gradientRows.length != batch) {
            gradientRows = new double[batch][outputWidth];
        }
        DenseKernels.toRows(outputGradient.data(), batch, outputWidth, gradientRows);
        DenseKernels.transposeMultiply(input.data(), batch, inputWidth, gradientRows, outputWidth,
                weights.gradient().data(), scratch[0]);
        if (!needInputGradient) {
            return null;
        }
        if (inputGradient == null || inputGradient.rows() != batch) {
            inputGradient = Matrix.zeros(batch, inputWidth);
        }
        if (transposedWeightRows == null) {
            transposedWeightRows = new double[outputWidth][inputWidth];
        }
        DenseKernels.toTransposedRows(weights.value().data(), inputWidth, outputWidth, transposedWeightRows);
        DenseKernels.multiply(outputGradient.data(), batch, outputWidth, transposedWeightRows, inputWidth, null,
                inputGradient.data(), scratch);
        return inputGradient;
    }

    /** @return {@code W} then, if the layer has one, {@code b} */
    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "dense(" + inputWidth + "→" + outputWidth + (bias == null ? ", no bias)" : ")");
    }
}
