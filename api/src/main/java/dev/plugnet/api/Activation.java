package dev.plugnet.api;

/**
 * An activation function applied to a layer's output, with its derivative beside it.
 *
 * <p>{@link #forward} maps the pre-activation {@code a} (B, n) to the output, for example
 * {@code z = sigmoid(a1)} or {@code s = softmax(a2)} of SPEC.md. {@link #backward} is the vector-Jacobian
 * product: given dL/d(output) it computes dL/da. For an element-wise function the Jacobian is diagonal
 * (SPEC.md step 6: {@code dL/da1 = dL/dz ⊙ z ⊙ (1 − z)}); for softmax it is per row
 * {@code J_b = diag(s_b) − s_b s_bᵀ} (step 2).
 *
 * <p>Implementations must be numerically safe: softmax subtracts each row's maximum before {@code exp}.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface Activation {
    /**
     * @param pre the pre-activation a, (B, n)
     * @param out receives the output, (B, n); may be a distinct buffer only
     */
    void forward(Matrix pre, Matrix out);

    /**
     * @param pre the pre-activation of the last forward, (B, n)
     * @param out the output of the last forward, (B, n)
     * @param outGradient dL/d(output), (B, n)
     * @param preGradient receives dL/da, (B, n); distinct from the other arguments
     */
    void backward(Matrix pre, Matrix out, Matrix outGradient, Matrix preGradient);
}
