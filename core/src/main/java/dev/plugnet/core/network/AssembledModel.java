package dev.plugnet.core.network;

import dev.plugnet.api.Optimizer;
import dev.plugnet.core.model.ModelSpec;

/**
 * A model ready to run: the spec it came from, the network, and the optimizer bound to the network's
 * parameters.
 *
 * @param spec the model as written
 * @param network the assembled network
 * @param optimizer the optimizer for {@code network.parameters()}
 */
public record AssembledModel(ModelSpec spec, Network network, Optimizer optimizer) {
    /** @return the network's summary, headed by the model's name and optimizer */
    public String summary() {
        return "model: " + spec.name() + "\n" + network.summary() + "\noptimizer: "
                + (spec.optimizer() == null ? "none" : spec.optimizer().type());
    }
}
