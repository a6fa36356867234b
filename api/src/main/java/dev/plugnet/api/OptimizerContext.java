package dev.plugnet.api;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * What an {@link OptimizerProvider} gets to build an optimizer: a request object, so that what plugnet tells
 * a provider can grow without breaking it.
 *
 * @param parameters the parameters to update, in the network's order (layer by layer, each layer's in its
 *        {@link Layer#parameters()} order); state entries refer to them by this position
 * @param options the optimizer's options, checked against {@link OptimizerProvider#options()}
 * @param seed a seed derived from the model's seed, for an optimizer that draws random numbers; the same seed
 *        must give the same updates
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public record OptimizerContext(List<Parameter> parameters, Options options, long seed) {
    public OptimizerContext {
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(options, "options");
    }

    /** @return a fresh generator seeded with {@link #seed()} */
    public SplittableRandom random() {
        return new SplittableRandom(seed);
    }
}
