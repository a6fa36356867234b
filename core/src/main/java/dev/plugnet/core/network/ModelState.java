package dev.plugnet.core.network;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Optimizer;
import dev.plugnet.api.OptimizerStateException;
import dev.plugnet.api.Options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of a model's trainable state — every parameter's values by path ({@code layers[0].W}), the optimizer's
 * state matrices and its learning rate η — and the one place plugnet copies that state between a live model and
 * a copy: checkpoints, the best epoch kept by early stopping, resuming, loading for inference.
 *
 * <p>A copy owns its matrices. {@link #takeFrom} copies a live model into them again, so keeping a snapshot
 * every epoch allocates nothing after the first.
 */
public final class ModelState {
    private final Map<String, Matrix> weights;
    private final Map<String, Matrix> optimizerState;
    private double learningRate;

    private ModelState(Map<String, Matrix> weights, Map<String, Matrix> optimizerState, double learningRate) {
        this.weights = weights;
        this.optimizerState = optimizerState;
        this.learningRate = learningRate;
    }

    /** @return a copy of {@code model}'s parameters, optimizer state and η */
    public static ModelState of(AssembledModel model) {
        Map<String, Matrix> state = new LinkedHashMap<>();
        model.optimizer().state().forEach((name, m) -> state.put(name, m.copy()));
        return new ModelState(copies(model.network()), state, model.optimizer().learningRate());
    }

    /** @return a copy of {@code network}'s parameters alone: no optimizer state, η 0 */
    public static ModelState weightsOf(Network network) {
        return new ModelState(copies(network), new LinkedHashMap<>(), 0);
    }

    /**
     * @param weights parameter values by path, in the network's order
     * @param optimizerState the optimizer's state matrices by entry name in its order, empty for none (a fresh
     *        optimizer); names {@code "0"}, {@code "1"}, … (a file from before entries had names) match by position
     * @param learningRate η, or 0 to keep the optimizer's own
     * @return a copy of the given state
     */
    public static ModelState of(Map<String, Matrix> weights, Map<String, Matrix> optimizerState,
                                double learningRate) {
        Map<String, Matrix> w = new LinkedHashMap<>();
        weights.forEach((path, m) -> w.put(path, m.copy()));
        Map<String, Matrix> s = new LinkedHashMap<>();
        optimizerState.forEach((name, m) -> s.put(name, m.copy()));
        return new ModelState(w, s, learningRate);
    }

    private static Map<String, Matrix> copies(Network network) {
        Map<String, Matrix> w = new LinkedHashMap<>();
        for (NamedParameter p : network.namedParameters()) {
            w.put(p.path(), p.parameter().value().copy());
        }
        return w;
    }

    /**
     * Copies {@code model}'s parameters, optimizer state and η into this copy's matrices (no allocation).
     *
     * @throws IllegalStateException if {@code model} is not the shape this copy was taken from
     */
    public void takeFrom(AssembledModel model) {
        List<NamedParameter> params = model.network().namedParameters();
        Map<String, Matrix> live = model.optimizer().state();
        if (params.size() != weights.size() || !live.keySet().equals(optimizerState.keySet())) {
            throw new IllegalStateException("a snapshot of another model");
        }
        for (NamedParameter p : params) {
            weights.get(p.path()).copyFrom(p.parameter().value());
        }
        live.forEach((name, m) -> optimizerState.get(name).copyFrom(m));
        learningRate = model.optimizer().learningRate();
    }

    /**
     * Copies the parameters into {@code network}.
     *
     * @throws ConfigException at {@code weights} if the paths differ from the network's, or at
     *         {@code weights.PATH} if a shape does not fit
     */
    public void restoreWeightsInto(Network network) {
        checkWeights(network);
        for (NamedParameter p : network.namedParameters()) {
            p.parameter().value().copyFrom(weights.get(p.path()));
        }
    }

    private void checkWeights(Network network) {
        List<NamedParameter> params = network.namedParameters();
        List<String> paths = params.stream().map(NamedParameter::path).toList();
        if (!weights.keySet().equals(new java.util.HashSet<>(paths))) {
            throw new ConfigException("weights", "expected the parameters " + paths + ", got " + weights.keySet());
        }
        for (NamedParameter p : params) {
            Matrix saved = weights.get(p.path());
            Matrix live = p.parameter().value();
            if (!saved.hasShape(live.rows(), live.cols())) {
                throw new ConfigException("weights." + p.path(), "expected " + live.shape()
                        + " for the config's network, got " + saved.shape());
            }
        }
    }

    /**
     * Copies the parameters, the optimizer state (when this copy has any; otherwise the optimizer keeps its fresh
     * state) and η (when positive) into {@code model}.
     *
     * @throws ConfigException at {@code weights…} or {@code optimizer.state…} if something does not fit, or if
     *         the optimizer cannot continue from a saved value ({@link OptimizerStateException})
     */
    public void restoreInto(AssembledModel model) {
        checkWeights(model.network());
        Optimizer optimizer = model.optimizer();
        List<Matrix> targets = stateTargets(optimizer, model.spec().optimizer().type());
        restoreWeightsInto(model.network());
        int i = 0;
        for (Matrix saved : optimizerState.values()) {
            targets.get(i++).copyFrom(saved);
        }
        if (learningRate > 0) {
            optimizer.learningRate(learningRate);
        }
    }

    /**
     * @return the live entry each saved entry goes to, in the saved order: by name, or by position for entries
     *         named {@code "0"}, {@code "1"}, …; checked for names, shapes, finite values and the optimizer's own
     *         {@link Optimizer#checkState} before anything is copied
     */
    private List<Matrix> stateTargets(Optimizer optimizer, String type) {
        Map<String, Matrix> live = optimizer.state();
        List<Matrix> targets = new ArrayList<>();
        if (optimizerState.isEmpty()) {
            return targets;
        }
        boolean positional = optimizerState.keySet().stream().allMatch(k -> k.matches("[0-9]+"));
        List<String> liveNames = List.copyOf(live.keySet());
        if (positional ? optimizerState.size() != live.size() : !optimizerState.keySet().equals(live.keySet())) {
            throw new ConfigException("optimizer.state", "expected the entries " + liveNames + " of optimizer \""
                    + type + "\", got " + (positional ? optimizerState.size() + " unnamed ones"
                    : List.copyOf(optimizerState.keySet()).toString()));
        }
        int i = 0;
        for (Map.Entry<String, Matrix> e : optimizerState.entrySet()) {
            String name = positional ? liveNames.get(i) : e.getKey();
            Matrix target = live.get(name);
            Matrix value = e.getValue();
            String path = positional ? "optimizer.state[" + i + "]" : Options.childPath("optimizer.state", name);
            if (!value.hasShape(target.rows(), target.cols())) {
                throw new ConfigException(path, "expected " + target.shape() + ", got " + value.shape());
            }
            double[] values = value.data();
            for (int k = 0; k < values.length; k++) {
                if (!Double.isFinite(values[k])) {
                    throw new ConfigException(path + ".values[" + k + "]", "expected a finite number, got "
                            + values[k]);
                }
            }
            try {
                optimizer.checkState(name, value);
            } catch (OptimizerStateException refused) {
                throw new ConfigException(refused.element() < 0 ? path : path + ".values[" + refused.element() + "]",
                        refused.problem() + " (optimizer \"" + type + "\")");
            }
            targets.add(target);
            i++;
        }
        return targets;
    }

    /** @return the parameters by path, as this copy's own matrices (callers must not change them) */
    public Map<String, Matrix> weights() {
        return Collections.unmodifiableMap(weights);
    }

    /** @return the optimizer's state matrices by entry name, this copy's own (callers must not change them) */
    public Map<String, Matrix> optimizerState() {
        return Collections.unmodifiableMap(optimizerState);
    }

    /** @return η when the copy was taken, 0 if none */
    public double learningRate() {
        return learningRate;
    }
}
