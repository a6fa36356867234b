package dev.plugnet.optimizers;

import dev.plugnet.api.Options;

/**
 * Checks of optimizer hyperparameters that an {@link dev.plugnet.api.OptionSpec} cannot express (an upper
 * bound) or that arrive at run time (a learning rate set by a schedule).
 */
final class Hyperparameters {
    private Hyperparameters() {
    }

    /**
     * @return the value of number option {@code name}, which its spec already holds to {@code >= 0}
     * @throws dev.plugnet.api.ConfigException at the option's path unless the value is {@code < 1}
     */
    static double belowOne(Options options, String name) {
        double value = options.number(name);
        if (!(value < 1.0)) {
            throw options.error(name, "expected a number >= 0 and < 1, got " + value);
        }
        return value;
    }

    /**
     * @return {@code value} if it is a usable learning rate: finite and {@code >= 0} (a schedule may reach 0)
     * @throws IllegalArgumentException otherwise
     */
    static double learningRate(double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("learning rate must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /**
     * @throws IllegalArgumentException unless {@code 0 <= value < 1}
     */
    static double inUnitInterval(String name, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(name + " must be >= 0 and < 1, got " + value);
        }
        return value;
    }

    /**
     * @throws IllegalArgumentException unless {@code value} is finite and {@code >= 0}
     */
    static double nonNegative(String name, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
        return value;
    }
}
