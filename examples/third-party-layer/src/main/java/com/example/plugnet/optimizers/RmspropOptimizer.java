package com.example.plugnet.optimizers;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.Optimizer;
import dev.plugnet.api.OptimizerStateException;
import dev.plugnet.api.Parameter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RMSprop with PyTorch's semantics: {@code g′ = dL/dW + λ W} (λ only for {@link Parameter#decayed() decayed}
 * parameters), {@code v ← ρ v + (1 − ρ) g′²}, then {@code W ← W − η g′ / (√v + ε)}. The running mean of squares
 * {@code v} starts at zero and is the whole state: {@code square_avg[0]}, {@code square_avg[1]}, … one per
 * parameter in the network's order, each of its parameter's shape. {@link #step()} allocates nothing.
 */
final class RmspropOptimizer implements Optimizer {
    private final double[][] values;
    private final double[][] gradients;
    private final boolean[] decayed;
    private final double[][] squareAverages;
    private final Map<String, Matrix> state;
    private final double rho;
    private final double epsilon;
    private final double weightDecay;
    private double learningRate;

    RmspropOptimizer(List<Parameter> parameters, double learningRate, double rho, double epsilon,
                     double weightDecay) {
        int n = parameters.size();
        values = new double[n][];
        gradients = new double[n][];
        decayed = new boolean[n];
        squareAverages = new double[n][];
        Map<String, Matrix> entries = new LinkedHashMap<>();
        for (int p = 0; p < n; p++) {
            Parameter parameter = parameters.get(p);
            values[p] = parameter.value().data();
            gradients[p] = parameter.gradient().data();
            decayed[p] = parameter.decayed();
            Matrix v = Matrix.zeros(parameter.value().rows(), parameter.value().cols());
            squareAverages[p] = v.data();
            entries.put("square_avg[" + p + "]", v);
        }
        this.state = Collections.unmodifiableMap(entries);
        this.rho = rho;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        learningRate(learningRate);
    }

    @Override
    public void step() {
        double lr = learningRate;
        for (int p = 0; p < values.length; p++) {
            double[] w = values[p];
            double[] g = gradients[p];
            double[] v = squareAverages[p];
            double decay = decayed[p] ? weightDecay : 0.0;
            for (int i = 0; i < w.length; i++) {
                double gi = decay == 0.0 ? g[i] : g[i] + decay * w[i];
                double vi = rho * v[i] + (1 - rho) * gi * gi;
                v[i] = vi;
                w[i] -= lr * gi / (Math.sqrt(vi) + epsilon);
            }
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void learningRate(double rate) {
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + rate);
        }
        this.learningRate = rate;
    }

    /** @return the running mean of squared gradients of each parameter (live matrices) */
    @Override
    public Map<String, Matrix> state() {
        return state;
    }

    /** A mean of squares is never negative: a saved one that is could only give {@code √v} = NaN. */
    @Override
    public void checkState(String entry, Matrix saved) {
        double[] v = saved.data();
        for (int k = 0; k < v.length; k++) {
            if (!(v[k] >= 0)) {
                throw new OptimizerStateException(entry, k, "expected a mean of squared gradients >= 0, got " + v[k]);
            }
        }
    }
}
