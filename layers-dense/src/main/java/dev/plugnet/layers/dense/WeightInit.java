package dev.plugnet.layers.dense;

import dev.plugnet.api.Matrix;
import java.util.SplittableRandom;

/**
 * How a dense layer's weights {@code W} (n_in, n_out) are initialised when no explicit {@code weights} are
 * given. Every scheme draws from the layer's own seeded generator only, so the same seed gives the same weights.
 */
enum WeightInit {
    /** Glorot/Xavier uniform: {@code U(−l, l)} with {@code l = sqrt(6 / (n_in + n_out))}. */
    XAVIER("xavier") {
        @Override
        void fill(Matrix weights, SplittableRandom random) {
            double limit = Math.sqrt(6.0 / (weights.rows() + weights.cols()));
            double[] w = weights.data();
            for (int i = 0; i < w.length; i++) {
                w[i] = limit * (2.0 * random.nextDouble() - 1.0);
            }
        }
    },

    /** He/Kaiming normal: {@code N(0, 2 / n_in)}, suited to ReLU layers. */
    HE("he") {
        @Override
        void fill(Matrix weights, SplittableRandom random) {
            double std = Math.sqrt(2.0 / weights.rows());
            double[] w = weights.data();
            for (int i = 0; i < w.length; i++) {
                w[i] = std * random.nextGaussian();
            }
        }
    },

    /** All zeros (mostly useful for tests and for linear models). */
    ZEROS("zeros") {
        @Override
        void fill(Matrix weights, SplittableRandom random) {
            weights.fill(0.0);
        }
    };

    private final String optionValue;

    WeightInit(String optionValue) {
        this.optionValue = optionValue;
    }

    /**
     * Overwrites every element of {@code weights}.
     *
     * @param weights W, (n_in, n_out)
     * @param random the layer's generator
     */
    abstract void fill(Matrix weights, SplittableRandom random);

    /**
     * @param optionValue a value of the {@code init} option, already checked against its choices
     * @return the scheme it names
     */
    static WeightInit named(String optionValue) {
        for (WeightInit init : values()) {
            if (init.optionValue.equals(optionValue)) {
                return init;
            }
        }
        throw new IllegalArgumentException("unknown init '" + optionValue + "'");
    }
}
