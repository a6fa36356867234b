package dev.plugnet.api;

import java.util.List;

/**
 * Provides an {@link Optimizer}, named in JSON by {@code "optimizer": {"type": "adam", "learning_rate": 0.01}}.
 */
public interface OptimizerProvider extends PluginProvider {
    /**
     * @param parameters the parameters to update, in the network's order
     * @param options the checked options
     * @return a new optimizer with fresh state
     */
    Optimizer create(List<Parameter> parameters, Options options);
}
