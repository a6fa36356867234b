package dev.plugnet.api.support;

import dev.plugnet.api.Activation;
import dev.plugnet.api.Api;
import dev.plugnet.api.Matrix;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * An element-wise {@link Activation} built from its function {@code f} and derivative {@code f′}: forward is
 * {@code z = f(a)} element by element, and since the Jacobian is diagonal, backward is
 * {@code dL/da = dL/dz ⊙ f′(a, z)} (SPEC.md step 6, where sigmoid's {@code f′} is {@code z(1 − z)}). Shapes are
 * checked; nothing is allocated.
 *
 * <pre>{@code
 * // swish: f(a) = a·σ(a), f′(a) = σ(a) + a·σ(a)(1 − σ(a))
 * Activation swish = ElementwiseActivation.of("swish",
 *         a -> a / (1 + Math.exp(-a)),
 *         (a, z) -> { double s = 1 / (1 + Math.exp(-a)); return s + a * s * (1 - s); });
 * }</pre>
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public final class ElementwiseActivation implements Activation {
    /** The derivative of an element-wise function, given the input and the output it gave. */
    @FunctionalInterface
    public interface Derivative {
        /**
         * @param pre the element's pre-activation {@code a}
         * @param out {@code f(a)}, as the forward pass computed it (so {@code z(1 − z)} needs no second exp)
         * @return {@code f′(a)}
         */
        double at(double pre, double out);
    }

    private final String name;
    private final DoubleUnaryOperator function;
    private final Derivative derivative;

    private ElementwiseActivation(String name, DoubleUnaryOperator function, Derivative derivative) {
        this.name = Objects.requireNonNull(name, "name");
        this.function = Objects.requireNonNull(function, "function");
        this.derivative = Objects.requireNonNull(derivative, "derivative");
    }

    /**
     * @param name names the activation in shape errors
     * @param function {@code f}
     * @param derivative {@code f′}, from the element's input and output
     * @return the activation
     */
    public static ElementwiseActivation of(String name, DoubleUnaryOperator function, Derivative derivative) {
        return new ElementwiseActivation(name, function, derivative);
    }

    @Override
    public void forward(Matrix pre, Matrix out) {
        pre.mapInto(function, out);
    }

    @Override
    public void backward(Matrix pre, Matrix out, Matrix outGradient, Matrix preGradient) {
        Matrix.requireSameShape(name + " backward", pre, out);
        Matrix.requireSameShape(name + " backward", pre, outGradient);
        Matrix.requireSameShape(name + " backward", pre, preGradient);
        if (preGradient == pre || preGradient == out || preGradient == outGradient) {
            throw new IllegalArgumentException(name + " backward: the gradient buffer must be distinct from its inputs");
        }
        double[] a = pre.data();
        double[] z = out.data();
        double[] g = outGradient.data();
        double[] d = preGradient.data();
        for (int i = 0; i < a.length; i++) {
            d[i] = g[i] * derivative.at(a[i], z[i]);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
