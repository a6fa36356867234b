package dev.plugnet.api;

import java.util.SplittableRandom;

/**
 * What a {@link LayerProvider} gets to build one layer.
 *
 * @param inputWidth n_in, the width of the previous layer's output (or the network's input)
 * @param options the layer's options, checked against {@link LayerProvider#options()}
 * @param seed a seed for this layer alone, derived from the model's seed and the layer's position; the same
 *        seed must give the same initial parameters
 */
public record LayerContext(int inputWidth, Options options, long seed) {
    /** @return a fresh generator seeded with {@link #seed()} */
    public SplittableRandom random() {
        return new SplittableRandom(seed);
    }
}
