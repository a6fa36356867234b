package dev.plugnet.core.reference;

import dev.plugnet.api.Matrix;

import java.util.List;

/**
 * One reference forward/backward pass of a sigmoid MLP with softmax output and mean cross-entropy, in the
 * format of {@code shared/fixtures/README.md} (with optional class weights, as {@code fixtures-weighted}): the
 * inputs, targets and parameters, and the values PyTorch computed in float64.
 *
 * @param name the case's name
 * @param source the file it was read from
 * @param sizes layer widths: input, hidden…, output
 * @param hiddenActivation the hidden layers' activation plugin
 * @param outputActivation the output activation plugin
 * @param loss the loss plugin
 * @param x inputs (B, sizes[0])
 * @param t targets (B, K)
 * @param weights W[i], (sizes[i], sizes[i+1])
 * @param biases b[i], (1, sizes[i+1])
 * @param expected the reference values
 * @param classWeights the loss's class weights w_k (K), {@code L = −(1/B) Σ_b Σ_k w_k t_bk ln s_bk}, or
 *        {@code null} for the unweighted loss (the {@code class_weights} field of {@code fixtures-weighted})
 */
public record ReferenceCase(String name, String source, List<Integer> sizes, String hiddenActivation,
                            String outputActivation, String loss, Matrix x, Matrix t, List<Matrix> weights,
                            List<Matrix> biases, Expected expected, double[] classWeights) {

    /**
     * The reference values.
     *
     * @param loss L
     * @param s the softmax output (B, K)
     * @param dLds step 1, or {@code null} where it is not finite (then only the shortcut path is checked)
     * @param preActivations a_{i+1}, the output of dense layer i
     * @param hiddenOutputs the activation output of hidden layer i
     * @param dLdpre dL/da_{i+1}
     * @param dLdhidden dL/d(hidden output i)
     * @param dLdW dL/dW[i]
     * @param dLdb dL/db[i], as (1, n) matrices
     */
    public record Expected(double loss, Matrix s, Matrix dLds, List<Matrix> preActivations,
                           List<Matrix> hiddenOutputs, List<Matrix> dLdpre, List<Matrix> dLdhidden,
                           List<Matrix> dLdW, List<Matrix> dLdb) {
    }
}
