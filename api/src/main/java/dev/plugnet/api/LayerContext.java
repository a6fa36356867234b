package dev.plugnet.api;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * What a {@link LayerProvider} gets to build one layer.
 *
 * @param inputWidth n_in, the width of the previous layer's output (or the network's input)
 * @param options the layer's options, checked against {@link LayerProvider#options()}
 * @param seed a seed for this layer alone, derived from the model's seed and the layer's position; the same
 *        seed must give the same initial parameters
 * @param compute where the layer's matrix products run (threads and reusable buffers); shared by the layers
 *        of a network, so a layer passes it to {@link Matrix}'s products and does not close it
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public record LayerContext(int inputWidth, Options options, long seed, Compute compute) {
    public LayerContext {
        Objects.requireNonNull(compute, "compute");
    }

    /** A context whose products run on the calling thread, with buffers of their own. */
    public LayerContext(int inputWidth, Options options, long seed) {
        this(inputWidth, options, seed, Compute.serial());
    }

    /** @return a fresh generator seeded with {@link #seed()} */
    public SplittableRandom random() {
        return new SplittableRandom(seed);
    }
}
