package dev.plugnet.layers.dense;

import dev.plugnet.api.Layer;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.MatrixProducts;
import dev.plugnet.api.Parameter;
import dev.plugnet.api.support.BatchBuffer;
import java.util.List;

/**
 * A fully connected layer: {@code a = x·W + b}, with {@code W} stored (n_in, n_out) and {@code b} a (1×n_out)
 * row added to every sample, as in SPEC.md. Its backward is steps 3–5 (or 7–8):
 * {@code dL/db = [1 … 1]·dL/da}, {@code dL/dW = xᵀ·dL/da} and, when asked, {@code dL/dx = dL/da·Wᵀ}.
 *
 * <p>The products run on the network's {@link MatrixProducts}, the compute backend the user chose (packed Java
 * kernels, a native BLAS, or {@code auto}'s mix); the layer knows only the contract. The output and input-gradient buffers
 * are {@link BatchBuffer}s, so a step allocates nothing once warmed up; the layer keeps a reference to its
 * last forward input for the backward pass.
 */
public final class DenseLayer implements Layer {
    private final int inputWidth;
    private final int outputWidth;
    private final Parameter weights;
    private final Parameter bias;
    private final List<Parameter> parameters;
    private final MatrixProducts products;
    private final BatchBuffer output;
    private final BatchBuffer inputGradient;

    private Matrix input;

    /** A layer whose products are {@link MatrixProducts#plain()}; see {@link #DenseLayer(Matrix, Matrix, MatrixProducts)}. */
    public DenseLayer(Matrix weights, Matrix bias) {
        this(weights, bias, MatrixProducts.plain());
    }

    /**
     * @param weights the initial W, (n_in, n_out); kept (not copied) as the value of parameter {@code W}
     * @param bias the initial b, (1×n_out), kept as the value of parameter {@code b}; {@code null} for a layer
     *        without bias
     * @param products where the products run
     * @throws IllegalArgumentException if {@code bias} is not (1×n_out)
     */
    public DenseLayer(Matrix weights, Matrix bias, MatrixProducts products) {
        this.inputWidth = weights.rows();
        this.outputWidth = weights.cols();
        this.weights = new Parameter("W", weights, true);
        this.products = java.util.Objects.requireNonNull(products, "products");
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
        this.output = new BatchBuffer(outputWidth);
        this.inputGradient = new BatchBuffer(inputWidth);
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
        Matrix out = output.rows(batch);
        products.multiplyInto(input, weights.value(), out);
        if (bias != null) {
            out.addRowVectorInPlace(bias.value());
        }
        this.input = input;
        return out;
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
        products.transposeMultiplyInto(input, outputGradient, weights.gradient());
        if (!needInputGradient) {
            return null;
        }
        return products.multiplyTransposeInto(outputGradient, weights.value(), inputGradient.rows(batch));
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
