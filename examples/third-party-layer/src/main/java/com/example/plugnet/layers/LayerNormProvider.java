package com.example.plugnet.layers;

import dev.plugnet.api.Layer;
import dev.plugnet.api.LayerContext;
import dev.plugnet.api.LayerPlan;
import dev.plugnet.api.LayerProvider;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.Options;

import java.util.List;

/** {@code {"type": "layer_norm", "epsilon": 1e-5}}: normalises each row, then scales and shifts it. */
public final class LayerNormProvider implements LayerProvider {
    @Override
    public String name() {
        return "layer_norm";
    }

    @Override
    public String description() {
        return "Layer normalisation: each row to mean 0 and variance 1, then a trainable gain and bias per feature.";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.number("epsilon", 1e-5, "added to the variance before the square root")
                .greaterThan(0));
    }

    /** Keeps the width; owns a gain and a bias per unit. */
    @Override
    public LayerPlan plan(int inputWidth, Options options) {
        return new LayerPlan(inputWidth, 2L * inputWidth);
    }

    @Override
    public Layer create(LayerContext context) {
        return new LayerNorm(context.inputWidth(), context.options().number("epsilon"));
    }
}
