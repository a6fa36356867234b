/**
 * The activation plugins: {@code sigmoid}, {@code softmax}, {@code tanh}, {@code relu}, {@code leaky_relu} and
 * {@code identity}, each with its vector-Jacobian product beside its forward (SPEC.md steps 2 and 6).
 */
module dev.plugnet.activations {
    requires dev.plugnet.api;

    provides dev.plugnet.api.ActivationProvider with
            dev.plugnet.activations.SigmoidProvider,
            dev.plugnet.activations.SoftmaxProvider,
            dev.plugnet.activations.TanhProvider,
            dev.plugnet.activations.ReluProvider,
            dev.plugnet.activations.LeakyReluProvider,
            dev.plugnet.activations.IdentityProvider;
}
