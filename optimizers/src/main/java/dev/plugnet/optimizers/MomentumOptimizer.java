package dev.plugnet.optimizers;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.Optimizer;
import dev.plugnet.api.Parameter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient descent with momentum, with PyTorch's semantics: {@code g' = dL/dW + λ W} (λ only for
 * {@link Parameter#decayed() decayed} parameters), {@code v ← μ v + g'}, then {@code W ← W − η v}, or with
 * Nesterov momentum {@code W ← W − η (g' + μ v)}. The velocity {@code v} starts at zero.
 */
public final class MomentumOptimizer implements Optimizer {
    private final ParameterArrays parameters;
    private final Map<String, Matrix> state;
    private final double[][] velocity;
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;
    private double learningRate;

    /**
     * @param parameters the parameters to update
     * @param learningRate η, finite and {@code >= 0}
     * @param momentum μ, in [0, 1)
     * @param nesterov whether to use Nesterov momentum
     * @param weightDecay λ, finite and {@code >= 0}
     */
    public MomentumOptimizer(List<Parameter> parameters, double learningRate, double momentum, boolean nesterov,
                             double weightDecay) {
        this.parameters = new ParameterArrays(parameters);
        List<Matrix> velocities = ParameterArrays.zerosLike(parameters);
        this.velocity = ParameterArrays.dataOf(velocities);
        Map<String, Matrix> entries = new LinkedHashMap<>();
        ParameterArrays.putIndexed(entries, "velocity", velocities);
        this.state = Collections.unmodifiableMap(entries);
        this.learningRate = Hyperparameters.learningRate(learningRate);
        this.momentum = Hyperparameters.inUnitInterval("momentum", momentum);
        this.nesterov = nesterov;
        this.weightDecay = Hyperparameters.nonNegative("weight_decay", weightDecay);
    }

    @Override
    public void step() {
        double lr = learningRate;
        double mu = momentum;
        for (int p = 0; p < parameters.size(); p++) {
            double[] w = parameters.values[p];
            double[] g = parameters.gradients[p];
            double[] v = velocity[p];
            double decay = parameters.decayed[p] ? weightDecay : 0.0;
            if (nesterov) {
                for (int i = 0; i < w.length; i++) {
                    double gi = decay == 0.0 ? g[i] : g[i] + decay * w[i];
                    double vi = mu * v[i] + gi;
                    v[i] = vi;
                    w[i] -= lr * (gi + mu * vi);
                }
            } else {
                for (int i = 0; i < w.length; i++) {
                    double gi = decay == 0.0 ? g[i] : g[i] + decay * w[i];
                    double vi = mu * v[i] + gi;
                    v[i] = vi;
                    w[i] -= lr * vi;
                }
            }
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void learningRate(double learningRate) {
        this.learningRate = Hyperparameters.learningRate(learningRate);
    }

    /** @return the velocity of each parameter, {@code velocity[0]}, {@code velocity[1]}, … (live matrices) */
    @Override
    public Map<String, Matrix> state() {
        return state;
    }
}
