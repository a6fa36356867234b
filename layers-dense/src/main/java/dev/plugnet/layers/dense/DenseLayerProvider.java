package dev.plugnet.layers.dense;

import dev.plugnet.api.Formulas;
import dev.plugnet.api.Layer;
import dev.plugnet.api.LayerContext;
import dev.plugnet.api.LayerPlan;
import dev.plugnet.api.LayerProvider;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.Options;
import java.util.List;

/**
 * Provides the {@code dense} layer, {@code a = x·W + b}:
 * {@code {"type": "dense", "units": 4, "init": "he"}}. Weights are initialised from the layer's seed
 * ({@code xavier} by default) unless explicit {@code weights} are given; biases start at zero unless explicit
 * {@code biases} are given.
 */
public final class DenseLayerProvider implements LayerProvider {
    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.requiredInteger("units", "Number of outputs (n_out) of the layer.").atLeast(1),
            OptionSpec.bool("bias", true, "Whether the layer adds a trainable bias b to every row."),
            OptionSpec.choice("init", "xavier",
                    "How W is initialised: Glorot uniform, He normal, or zeros.", "xavier", "he", "zeros"),
            OptionSpec.numberMatrix("weights",
                    "Explicit initial W as n_in rows of units numbers; overrides init."),
            OptionSpec.numberList("biases", "Explicit initial b, one number per unit; needs bias true."));

    /** Creates the provider; it holds no state. */
    public DenseLayerProvider() {
    }

    @Override
    public String name() {
        return "dense";
    }

    @Override
    public String description() {
        return "Fully connected layer a = x·W + b.";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    /** @return {@code units}: a last dense layer without it takes its width from the data */
    @Override
    public String widthOption() {
        return "units";
    }

    @Override
    public LayerPlan plan(int inputWidth, Options options) {
        int units = options.integer("units");
        return new LayerPlan(units, (long) inputWidth * units + (options.bool("bias") ? units : 0), widthOption());
    }

    @Override
    public Layer create(LayerContext context) {
        Options options = context.options();
        int inputs = context.inputWidth();
        int units = options.integer("units");
        boolean hasBias = options.bool("bias");
        Matrix weights = initialWeights(options, inputs, units, context);
        Matrix bias = hasBias ? initialBias(options, units) : null;
        if (!hasBias && options.has("biases")) {
            throw options.error("biases", "given, but \"bias\" is false; remove one of them");
        }
        return new DenseLayer(weights, bias, context.products());
    }

    private static Matrix initialWeights(Options options, int inputs, int units, LayerContext context) {
        if (options.has("weights")) {
            double[][] given = options.numberMatrix("weights");
            int rows = given.length;
            int cols = rows == 0 ? 0 : given[0].length;
            if (rows != inputs || cols != units) {
                throw options.error("weights", "expected (" + inputs + "×" + units + ") values for " + inputs
                        + " inputs and " + units + " units, got (" + rows + "×" + cols + ")");
            }
            return Matrix.of(given);
        }
        Matrix weights = Matrix.zeros(inputs, units);
        WeightInit.named(options.string("init")).fill(weights, context.random());
        return weights;
    }

    private static Matrix initialBias(Options options, int units) {
        if (!options.has("biases")) {
            return Matrix.zeros(1, units);
        }
        double[] given = options.numberList("biases");
        if (given.length != units) {
            throw options.error("biases", "expected " + units + " values, one per unit, got " + given.length);
        }
        return Matrix.row(given);
    }

    /** SPEC.md's {@code a = x·W + b} and steps 3–5 (7–8 for the first layer). */
    @Override
    public Formulas formulas() {
        return Formulas.of("{in}·W{n} + b{n}", "dL/d{out} · W{n}ᵀ")
                .withParameter("W", "{in}ᵀ · dL/d{out}")
                .withParameter("b", "[1 … 1]·dL/d{out}   (column sums over the batch)");
    }
}
