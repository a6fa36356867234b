/**
 * The optimizer plugins: {@code sgd}, {@code momentum} (optionally Nesterov) and {@code adam} (optionally
 * AdamW-style decoupled weight decay).
 */
module dev.plugnet.optimizers {
    requires dev.plugnet.api;

    provides dev.plugnet.api.OptimizerProvider with
            dev.plugnet.optimizers.SgdOptimizerProvider,
            dev.plugnet.optimizers.MomentumOptimizerProvider,
            dev.plugnet.optimizers.AdamOptimizerProvider;
}
