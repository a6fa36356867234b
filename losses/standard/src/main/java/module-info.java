/**
 * The standard loss plugins: {@code cross_entropy} (generic: SPEC.md step 1 only, so that step 2 stays the softmax
 * activation's) and {@code mse}.
 */
module dev.plugnet.losses.standard {
    requires dev.plugnet.api;

    provides dev.plugnet.api.LossProvider with
            dev.plugnet.losses.CrossEntropyLossProvider,
            dev.plugnet.losses.MeanSquaredErrorLossProvider,
            dev.plugnet.losses.MeanAbsoluteErrorLossProvider,
            dev.plugnet.losses.HuberLossProvider;
}
