package dev.plugnet.optimizers;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.Optimizer;
import dev.plugnet.api.OptimizerStateException;
import dev.plugnet.api.Parameter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam with bias-corrected moments, as PyTorch computes it. At step {@code t}, with {@code g = dL/dW}:
 * <pre>
 *   g ← g + λ W                     (L2 decay; decayed parameters only, unless decoupled)
 *   W ← W − η λ W                    (AdamW-style decoupled decay instead; decayed parameters only)
 *   m ← β1 m + (1 − β1) g
 *   v ← β2 v + (1 − β2) g²
 *   W ← W − (η / (1 − β1^t)) · m / (sqrt(v) / sqrt(1 − β2^t) + ε)
 * </pre>
 * The moments start at zero; the step count {@code t} is kept in a (1×1) matrix so that a checkpoint can save
 * and restore it with the moments.
 */
public final class AdamOptimizer implements Optimizer {
    private final ParameterArrays parameters;
    private final Matrix stepCount;
    private final double[][] firstMoment;
    private final double[][] secondMoment;
    private final Map<String, Matrix> state;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final boolean decoupled;
    private double learningRate;

    /**
     * @param parameters the parameters to update
     * @param learningRate η, finite and {@code >= 0}
     * @param beta1 β1, the first moment's decay, in [0, 1)
     * @param beta2 β2, the second moment's decay, in [0, 1)
     * @param epsilon ε, added to the denominator, {@code > 0}
     * @param weightDecay λ, finite and {@code >= 0}
     * @param decoupled whether weight decay is decoupled from the gradient (AdamW) rather than an L2 term
     */
    public AdamOptimizer(List<Parameter> parameters, double learningRate, double beta1, double beta2,
                         double epsilon, double weightDecay, boolean decoupled) {
        this.parameters = new ParameterArrays(parameters);
        this.learningRate = Hyperparameters.learningRate(learningRate);
        this.beta1 = Hyperparameters.inUnitInterval("beta1", beta1);
        this.beta2 = Hyperparameters.inUnitInterval("beta2", beta2);
        if (!(epsilon > 0.0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a finite number > 0, got " + epsilon);
        }
        this.epsilon = epsilon;
        this.weightDecay = Hyperparameters.nonNegative("weight_decay", weightDecay);
        this.decoupled = decoupled;
        this.stepCount = Matrix.zeros(1, 1);
        List<Matrix> m = ParameterArrays.zerosLike(parameters);
        List<Matrix> v = ParameterArrays.zerosLike(parameters);
        this.firstMoment = ParameterArrays.dataOf(m);
        this.secondMoment = ParameterArrays.dataOf(v);
        Map<String, Matrix> entries = new LinkedHashMap<>();
        entries.put("step", stepCount);
        ParameterArrays.putIndexed(entries, "m", m);
        ParameterArrays.putIndexed(entries, "v", v);
        this.state = Collections.unmodifiableMap(entries);
    }

    @Override
    public void step() {
        double[] count = stepCount.data();
        double t = count[0] + 1.0;
        count[0] = t;
        double lr = learningRate;
        double b1 = beta1;
        double b2 = beta2;
        double eps = epsilon;
        double stepSize = lr / (1.0 - Math.pow(b1, t));
        double secondCorrection = Math.sqrt(1.0 - Math.pow(b2, t));
        for (int p = 0; p < parameters.size(); p++) {
            double[] w = parameters.values[p];
            double[] g = parameters.gradients[p];
            double[] m = firstMoment[p];
            double[] v = secondMoment[p];
            double decay = parameters.decayed[p] ? weightDecay : 0.0;
            double l2 = decoupled ? 0.0 : decay;
            double shrink = decoupled ? 1.0 - lr * decay : 1.0;
            for (int i = 0; i < w.length; i++) {
                double wi = w[i];
                double gi = l2 == 0.0 ? g[i] : g[i] + l2 * wi;
                double mi = b1 * m[i] + (1.0 - b1) * gi;
                double vi = b2 * v[i] + (1.0 - b2) * gi * gi;
                m[i] = mi;
                v[i] = vi;
                w[i] = wi * shrink - stepSize * mi / (Math.sqrt(vi) / secondCorrection + eps);
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

    /**
     * @return live matrices: {@code step}, the (1×1) step count, then the first moment {@code m[i]} of each
     *         parameter, then the second moment {@code v[i]} of each parameter
     */
    @Override
    public Map<String, Matrix> state() {
        return state;
    }

    /** The largest step count a double counts exactly (2^53): one more step would not change it. */
    static final double MAX_STEPS = 0x1p53;

    /**
     * {@code step} must be a whole number in [0, 2^53] (bias correction divides by {@code 1 − β1^t}, which is 0
     * for t = 0 only before the first step increments it, and a fractional or negative t is no run's count);
     * each second moment {@code v[i]} must be {@code >= 0} (a mean of squares; its square root is taken).
     */
    @Override
    public void checkState(String entry, Matrix saved) {
        double[] values = saved.data();
        if (entry.equals("step")) {
            double t = values[0];
            if (!(t >= 0) || t > MAX_STEPS || t != Math.rint(t)) {
                throw new OptimizerStateException(entry, -1, "expected a whole number of steps from 0 to 2^53, got "
                        + t);
            }
        } else if (entry.startsWith("v[")) {
            for (int k = 0; k < values.length; k++) {
                if (!(values[k] >= 0)) {
                    throw new OptimizerStateException(entry, k, "expected a second moment >= 0 (a mean of squared"
                            + " gradients), got " + values[k]);
                }
            }
        }
    }
}
