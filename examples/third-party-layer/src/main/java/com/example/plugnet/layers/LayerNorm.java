package com.example.plugnet.layers;

import dev.plugnet.api.Layer;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Parameter;

import java.util.List;

/**
 * Layer normalisation over the n features of each row b:
 * {@code μ_b = mean(x_b)}, {@code σ²_b = mean((x_b − μ_b)²)}, {@code x̂ = (x − μ_b) / √(σ²_b + ε)},
 * {@code y = gain ⊙ x̂ + bias}. The backward is exact:
 * {@code dL/dgain = Σ_b g ⊙ x̂}, {@code dL/dbias = Σ_b g}, and with {@code d = g ⊙ gain},
 * {@code dL/dx_b = (d_b − mean(d_b) − x̂_b · mean(d_b ⊙ x̂_b)) / √(σ²_b + ε)}.
 */
final class LayerNorm implements Layer {
    private final int width;
    private final double epsilon;
    private final Parameter gain;
    private final Parameter bias;
    private Matrix out;
    private Matrix normalised;
    private Matrix inputGradient;
    private double[] inverseDeviation = new double[0];
    private int rows = -1;

    LayerNorm(int width, double epsilon) {
        this.width = width;
        this.epsilon = epsilon;
        this.gain = new Parameter("gain", Matrix.zeros(1, width).fill(1.0), false);
        this.bias = new Parameter("bias", Matrix.zeros(1, width), false);
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
    public Matrix forward(Matrix input, boolean training) {
        Matrix.requireShape("layer_norm input", input, input.rows(), width);
        int b = input.rows();
        if (out == null || !out.hasShape(b, width)) {
            out = Matrix.zeros(b, width);
            normalised = Matrix.zeros(b, width);
            inputGradient = Matrix.zeros(b, width);
            inverseDeviation = new double[b];
        }
        rows = b;
        double[] x = input.data();
        double[] xh = normalised.data();
        double[] y = out.data();
        double[] g = gain.value().data();
        double[] c = bias.value().data();
        for (int r = 0; r < b; r++) {
            int o = r * width;
            double mean = 0;
            for (int j = 0; j < width; j++) {
                mean += x[o + j];
            }
            mean /= width;
            double variance = 0;
            for (int j = 0; j < width; j++) {
                double d = x[o + j] - mean;
                variance += d * d;
            }
            variance /= width;
            double inv = 1.0 / Math.sqrt(variance + epsilon);
            inverseDeviation[r] = inv;
            for (int j = 0; j < width; j++) {
                xh[o + j] = (x[o + j] - mean) * inv;
                y[o + j] = g[j] * xh[o + j] + c[j];
            }
        }
        return out;
    }

    @Override
    public Matrix backward(Matrix outputGradient, boolean needInputGradient) {
        if (rows < 0) {
            throw new IllegalStateException("layer_norm: backward before forward");
        }
        Matrix.requireShape("layer_norm output gradient", outputGradient, rows, width);
        double[] gy = outputGradient.data();
        double[] xh = normalised.data();
        double[] g = gain.value().data();
        double[] dGain = gain.gradient().fill(0.0).data();
        double[] dBias = bias.gradient().fill(0.0).data();
        double[] dx = inputGradient.data();
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            double meanD = 0;
            double meanDx = 0;
            for (int j = 0; j < width; j++) {
                double d = gy[o + j] * g[j];
                dGain[j] += gy[o + j] * xh[o + j];
                dBias[j] += gy[o + j];
                meanD += d;
                meanDx += d * xh[o + j];
            }
            if (!needInputGradient) {
                continue;
            }
            meanD /= width;
            meanDx /= width;
            double inv = inverseDeviation[r];
            for (int j = 0; j < width; j++) {
                double d = gy[o + j] * g[j];
                dx[o + j] = (d - meanD - xh[o + j] * meanDx) * inv;
            }
        }
        return needInputGradient ? inputGradient : null;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gain, bias);
    }
}
