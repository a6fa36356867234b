package com.example.plugnet.layers;

import dev.plugnet.api.Layer;
import dev.plugnet.api.LayerContext;
import dev.plugnet.api.LayerProvider;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.Options;

import java.util.List;

/** {@code {"type": "dropout", "rate": 0.2}}: inverted dropout while training, the identity otherwise. */
public final class DropoutProvider implements LayerProvider {
    @Override
    public String name() {
        return "dropout";
    }

    @Override
    public String description() {
        return "Inverted dropout: while training, zeroes each value with probability rate and scales the rest"
                + " by 1/(1 - rate); the identity at inference.";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.number("rate", 0.5, "the probability of dropping a value, below 1").atLeast(0));
    }

    @Override
    public Layer create(LayerContext context) {
        Options options = context.options();
        double rate = options.number("rate");
        if (rate >= 1.0) {
            throw options.error("rate", "expected a number >= 0 and below 1, got " + rate);
        }
        return new Dropout(context.inputWidth(), rate, context.random());
    }
}
