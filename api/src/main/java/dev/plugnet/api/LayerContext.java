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
 * @param products where the layer's matrix products run: the run's compute backend, shared by the layers of
 *        a network. A layer calls it for every product it needs and keeps no assumption about how it runs
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public record LayerContext(int inputWidth, Options options, long seed, MatrixProducts products) {
    public LayerContext {
        Objects.requireNonNull(products, "products");
    }

    /** A context whose products are {@link MatrixProducts#plain()}: plain loops on the calling thread. */
    public LayerContext(int inputWidth, Options options, long seed) {
        this(inputWidth, options, seed, MatrixProducts.plain());
    }

    /** @return a fresh generator seeded with {@link #seed()} */
    public SplittableRandom random() {
        return new SplittableRandom(seed);
    }
}
