package dev.plugnet.core.network;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.Optimizer;
import dev.plugnet.api.OptimizerStateException;
import dev.plugnet.core.plugins.PluginFailedException;
import dev.plugnet.core.plugins.PluginLabel;

import java.util.Map;

/**
 * An optimizer plugin's optimizer, with whatever its code throws reported as that plugin's failure
 * ({@link PluginFailedException}) rather than as an error of plugnet's.
 */
final class GuardedOptimizer implements Optimizer {
    private final Optimizer optimizer;
    private final PluginLabel label;

    GuardedOptimizer(Optimizer optimizer, PluginLabel label) {
        this.optimizer = optimizer;
        this.label = label;
    }

    @Override
    public void step() {
        try {
            optimizer.step();
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw PluginFailedException.of("optimizer", label, "step", e);
        }
    }

    @Override
    public double learningRate() {
        return optimizer.learningRate();
    }

    @Override
    public void learningRate(double learningRate) {
        try {
            optimizer.learningRate(learningRate);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw PluginFailedException.of("optimizer", label, "learningRate", e);
        }
    }

    @Override
    public Map<String, Matrix> state() {
        try {
            Map<String, Matrix> state = optimizer.state();
            return state == null ? Map.of() : state;
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw PluginFailedException.of("optimizer", label, "state", e);
        }
    }

    /** A refusal ({@link OptimizerStateException}) passes as it is; anything else is the plugin's failure. */
    @Override
    public void checkState(String entry, Matrix saved) {
        try {
            optimizer.checkState(entry, saved);
        } catch (OptimizerStateException refused) {
            throw refused;
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw PluginFailedException.of("optimizer", label, "checkState", e);
        }
    }
}
