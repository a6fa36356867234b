package dev.plugnet.optimizers;

import dev.plugnet.api.Optimizer;
import dev.plugnet.api.Parameter;
import java.util.List;

/**
 * Plain stochastic gradient descent: {@code W ← W − η (dL/dW + λ W)}, where the weight decay {@code λ} applies
 * only to parameters that are {@link Parameter#decayed() decayed}. It keeps no state.
 */
public final class SgdOptimizer implements Optimizer {
    private final ParameterArrays parameters;
    private final double weightDecay;
    private double learningRate;

    /**
     * @param parameters the parameters to update
     * @param learningRate η, finite and {@code >= 0}
     * @param weightDecay λ, finite and {@code >= 0}
     */
    public SgdOptimizer(List<Parameter> parameters, double learningRate, double weightDecay) {
        this.parameters = new ParameterArrays(parameters);
        this.learningRate = Hyperparameters.learningRate(learningRate);
        this.weightDecay = Hyperparameters.nonNegative("weight_decay", weightDecay);
    }

    @Override
    public void step() {
        double lr = learningRate;
        for (int p = 0; p < parameters.size(); p++) {
            double[] w = parameters.values[p];
            double[] g = parameters.gradients[p];
            double decay = parameters.decayed[p] ? weightDecay : 0.0;
            if (decay == 0.0) {
                for (int i = 0; i < w.length; i++) {
                    w[i] -= lr * g[i];
                }
            } else {
                for (int i = 0; i < w.length; i++) {
                    w[i] -= lr * (g[i] + decay * w[i]);
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
}
