package ${package};

import dev.plugnet.api.Formulas;
import dev.plugnet.api.Layer;
import dev.plugnet.api.LayerContext;
import dev.plugnet.api.LayerPlan;
import dev.plugnet.api.LayerProvider;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.Options;
import java.util.List;

/**
 * Provides {@code ${pluginName}}: each input feature times a trainable gain, {@code a = x ⊙ g} (see
 * {@link ${className}Layer}). In a model: {@code {"type": "${pluginName}", "initial_gain": 1.0}}.
 */
public final class ${className}Provider implements LayerProvider {
    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.number("initial_gain", 1.0, "The gain every feature starts with."));

    /** Creates the provider; it holds no state. */
    public ${className}Provider() {
    }

    @Override
    public String name() {
        return "${pluginName}";
    }

    @Override
    public String description() {
        return "Each feature times a trainable gain g: a = x * g.";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public LayerPlan plan(int inputWidth, Options options) {
        return new LayerPlan(inputWidth, inputWidth); // the width is kept; one gain per feature
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("{in} ⊙ g{n}", "dL/d{out} ⊙ g{n}")
                .withParameter("g", "[1 … 1]·(dL/d{out} ⊙ {in})   (column sums over the batch)");
    }

    @Override
    public Layer create(LayerContext context) {
        return new ${className}Layer(context.inputWidth(), context.options().number("initial_gain"));
    }
}
