package dev.plugnet.api;

/**
 * A trainable tensor and its gradient, owned by a {@link Layer}: for example {@code W1} (5×4) and
 * {@code dL/dW1} (SPEC.md step 8). The layer writes {@link #gradient()} in its backward pass; an
 * {@link Optimizer} reads it and updates {@link #value()} in place. Both matrices keep their identity for the
 * life of the parameter, so an optimizer may hold on to them.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public final class Parameter {
    private final String name;
    private final Matrix value;
    private final Matrix gradient;
    private final boolean decayed;

    /**
     * @param name short name within its layer, for example {@code W} or {@code b}
     * @param value the live values
     * @param decayed whether weight decay applies (weights yes, biases usually not)
     */
    public Parameter(String name, Matrix value, boolean decayed) {
        this.name = name;
        this.value = value;
        this.gradient = Matrix.zeros(value.rows(), value.cols());
        this.decayed = decayed;
    }

    public String name() {
        return name;
    }

    /** @return the live values, updated in place by the optimizer */
    public Matrix value() {
        return value;
    }

    /** @return dL/d(value) of the last backward pass, same shape as {@link #value()} */
    public Matrix gradient() {
        return gradient;
    }

    /** @return whether an optimizer's weight decay applies to this parameter */
    public boolean decayed() {
        return decayed;
    }

    @Override
    public String toString() {
        return name + value.shape();
    }
}
