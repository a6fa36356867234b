package dev.plugnet.optimizers;

/**
 * Checks of optimizer hyperparameters that arrive at run time (a learning rate set by a schedule) or through
 * the optimizers' constructors, where no {@link dev.plugnet.api.OptionSpec} has checked them.
 */
final class Hyperparameters {
    private Hyperparameters() {
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
