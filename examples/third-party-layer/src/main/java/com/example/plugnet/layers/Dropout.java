package com.example.plugnet.layers;

import dev.plugnet.api.Layer;
import dev.plugnet.api.Matrix;

import java.util.SplittableRandom;

/**
 * Inverted dropout. While training, each value is kept with probability {@code 1 − rate} and scaled by
 * {@code 1 / (1 − rate)}, so that the expected output equals the input and inference needs no rescaling:
 * {@code y = x ⊙ m} with {@code m ∈ {0, 1/(1 − rate)}}, and the backward is {@code dL/dx = dL/dy ⊙ m}. At
 * inference the layer is the identity. The masks come from a generator seeded with the layer's
 * {@code LayerContext.seed}, so one seed gives one sequence of masks.
 */
final class Dropout implements Layer {
    private final int width;
    private final double rate;
    private final double scale;
    private final SplittableRandom random;
    private Matrix out;
    private Matrix mask;
    private Matrix inputGradient;
    private boolean lastTraining;
    private int rows = -1;

    Dropout(int width, double rate, SplittableRandom random) {
        this.width = width;
        this.rate = rate;
        this.scale = 1.0 / (1.0 - rate);
        this.random = random;
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
        Matrix.requireShape("dropout input", input, input.rows(), width);
        int b = input.rows();
        if (out == null || !out.hasShape(b, width)) {
            out = Matrix.zeros(b, width);
            mask = Matrix.zeros(b, width);
            inputGradient = Matrix.zeros(b, width);
        }
        rows = b;
        lastTraining = training;
        double[] x = input.data();
        double[] y = out.data();
        if (!training || rate == 0.0) {
            System.arraycopy(x, 0, y, 0, x.length);
            mask.fill(1.0);
            return out;
        }
        double[] m = mask.data();
        for (int i = 0; i < x.length; i++) {
            m[i] = random.nextDouble() < rate ? 0.0 : scale;
            y[i] = x[i] * m[i];
        }
        return out;
    }

    @Override
    public Matrix backward(Matrix outputGradient, boolean needInputGradient) {
        if (rows < 0) {
            throw new IllegalStateException("dropout: backward before forward");
        }
        Matrix.requireShape("dropout output gradient", outputGradient, rows, width);
        if (!needInputGradient) {
            return null;
        }
        double[] g = outputGradient.data();
        double[] m = mask.data();
        double[] dx = inputGradient.data();
        for (int i = 0; i < g.length; i++) {
            dx[i] = g[i] * m[i];
        }
        return inputGradient;
    }

    /** @return whether the last forward was a training pass */
    boolean lastTraining() {
        return lastTraining;
    }
}
