package ${package};

import dev.plugnet.api.Layer;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Parameter;
import dev.plugnet.api.support.BatchBuffer;
import java.util.List;

/**
 * {@code a = x ⊙ g}: each of the n features times its gain {@code g} (1×n, trainable). Backward:
 * {@code dL/dg = [1 … 1]·(dL/da ⊙ x)} and {@code dL/dx = dL/da ⊙ g}. Its buffers are kept per batch size
 * ({@link BatchBuffer}), so a training step allocates nothing.
 */
final class ${className}Layer implements Layer {
    private final int width;
    private final Parameter gain;
    private final BatchBuffer output;
    private final BatchBuffer inputGradient;
    private Matrix input;

    ${className}Layer(int width, double initialGain) {
        this.width = width;
        this.gain = new Parameter("g", Matrix.zeros(1, width).fill(initialGain), false);
        this.output = new BatchBuffer(width);
        this.inputGradient = new BatchBuffer(width);
    }

    @Override
    public int inputWidth() {
        return width;
    }

    @Override
    public int outputWidth() {
        return width;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gain);
    }

    @Override
    public Matrix forward(Matrix x, boolean training) {
        Matrix.requireShape("${pluginName} input", x, x.rows(), width);
        input = x;
        Matrix a = output.rows(x.rows());
        double[] in = x.data();
        double[] g = gain.value().data();
        double[] out = a.data();
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] * g[i % width];
        }
        return a;
    }

    @Override
    public Matrix backward(Matrix outputGradient, boolean needInputGradient) {
        Matrix.requireShape("${pluginName} output gradient", outputGradient, input.rows(), width);
        double[] d = outputGradient.data();
        double[] in = input.data();
        double[] dg = gain.gradient().fill(0).data();
        for (int i = 0; i < d.length; i++) {
            dg[i % width] += d[i] * in[i];
        }
        if (!needInputGradient) {
            return null;
        }
        return outputGradient.hadamardInto(rowsOfGain(outputGradient.rows()), inputGradient.rows(input.rows()));
    }

    /** @return the gain repeated on every row, in the input-gradient buffer (then overwritten in place) */
    private Matrix rowsOfGain(int rows) {
        Matrix m = inputGradient.rows(rows);
        double[] g = gain.value().data();
        double[] out = m.data();
        for (int i = 0; i < out.length; i++) {
            out[i] = g[i % width];
        }
        return m;
    }
}
