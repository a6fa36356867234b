package dev.plugnet.testkit;

import dev.plugnet.api.Layer;
import dev.plugnet.api.LayerContext;
import dev.plugnet.api.LayerPlan;
import dev.plugnet.api.LayerProvider;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Options;
import dev.plugnet.api.Parameter;
import dev.plugnet.api.ShapeMismatchException;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Checks a {@link LayerProvider} the way plugnet relies on it:
 * <ol>
 * <li><b>gradients</b>: {@link Layer#backward} against central finite differences in double precision of
 *     {@code f = Σ g ⊙ forward(x)}, for the input and every parameter, in inference and in training mode (each
 *     evaluation uses a fresh layer built from the same seed, so a layer whose training pass is random, such
 *     as dropout, is checked with the same draw throughout); parameter gradients are overwritten, not
 *     accumulated, and do not depend on whether the input gradient was asked for;</li>
 * <li><b>options</b>: the name and declared options are well formed, and the given options survive the
 *     round trip given → {@link Options} → JSON → given;</li>
 * <li><b>shapes</b>: an input of the wrong width, and an output gradient of the wrong shape, are refused with
 *     {@link ShapeMismatchException};</li>
 * <li><b>seed</b>: two layers built from one seed have equal parameters and give equal outputs, in both modes.</li>
 * </ol>
 *
 * <pre>{@code
 * LayerCheck.of(new LayerNormProvider()).options(Map.of("epsilon", 1e-5)).inputWidth(4).verify();
 * }</pre>
 *
 * {@link #verify()} throws one {@link AssertionError} listing every problem found; {@link #problems()} returns
 * them instead.
 */
public final class LayerCheck {
    private final LayerProvider provider;
    private Map<String, ?> options = Map.of();
    private int inputWidth = 4;
    private int batchSize = 3;
    private long seed = 42;
    private double tolerance = 1e-6;

    private LayerCheck(LayerProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** @return a check of {@code provider} with no options, input width 4, batch size 3 and seed 42 */
    public static LayerCheck of(LayerProvider provider) {
        return new LayerCheck(provider);
    }

    /** @return this check, building layers with {@code options} (as they would appear in JSON) */
    public LayerCheck options(Map<String, ?> newOptions) {
        this.options = Map.copyOf(newOptions);
        return this;
    }

    /** @return this check, building layers of input width {@code width} */
    public LayerCheck inputWidth(int width) {
        this.inputWidth = width;
        return this;
    }

    /** @return this check, with batches of {@code rows} rows */
    public LayerCheck batchSize(int rows) {
        this.batchSize = rows;
        return this;
    }

    /** @return this check, building layers from {@code newSeed} */
    public LayerCheck seed(long newSeed) {
        this.seed = newSeed;
        return this;
    }

    /** @return this check, accepting relative gradient errors up to {@code relative} (default 1e-6) */
    public LayerCheck tolerance(double relative) {
        this.tolerance = relative;
        return this;
    }

    /** Runs every check. @throws AssertionError listing every problem found */
    public void verify() {
        run().verify();
    }

    /** @return every problem found, one sentence each; empty when the layer passes */
    public List<String> problems() {
        return run().all();
    }

    private Findings run() {
        Findings findings = Findings.about("layer", provider);
        Optional<Options> checked = OptionChecks.checkAndParse(provider, options, "layers[0]", findings);
        if (checked.isEmpty()) {
            return findings;
        }
        Options parsed = checked.get();
        Layer probe;
        try {
            probe = create(parsed, seed);
        } catch (RuntimeException e) {
            findings.add("create threw " + e);
            return findings;
        }
        if (probe.inputWidth() != inputWidth) {
            findings.add("inputWidth() is " + probe.inputWidth() + ", but the context gave " + inputWidth);
            return findings;
        }
        guard(findings, "plan", () -> plan(parsed, probe, findings));
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        Matrix x = Gradients.random(random, batchSize, inputWidth);
        Matrix g = Gradients.random(random, batchSize, probe.outputWidth());
        for (boolean training : new boolean[] {false, true}) {
            guard(findings, "gradients (" + mode(training) + ")", () -> gradients(parsed, x, g, training, findings));
            guard(findings, "seed (" + mode(training) + ")", () -> sameSeed(parsed, x, training, findings));
        }
        guard(findings, "shapes", () -> shapes(parsed, x, g, findings));
        return findings;
    }

    private static String mode(boolean training) {
        return training ? "training mode" : "inference mode";
    }

    private static void guard(Findings findings, String check, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            findings.add(check + ": threw " + e);
        }
    }

    /** The plan made from options alone must describe the layer that is built: its width and parameter count. */
    private void plan(Options parsed, Layer built, Findings findings) {
        LayerPlan plan = provider.plan(inputWidth, parsed);
        if (plan == null) {
            findings.add("plan(...) returned null");
            return;
        }
        long parameters = 0;
        for (var p : built.parameters()) {
            parameters += (long) p.value().rows() * p.value().cols();
        }
        if (plan.outputWidth() != built.outputWidth()) {
            findings.add("plan(...) says " + plan.outputWidth() + " outputs, but the built layer has "
                    + built.outputWidth() + " (override LayerProvider.plan)");
        }
        if (plan.parameterCount() != parameters) {
            findings.add("plan(...) says " + plan.parameterCount() + " parameters, but the built layer has "
                    + parameters + " (override LayerProvider.plan, so size limits are checked before allocation)");
        }
    }

    private Layer create(Options parsed, long layerSeed) {
        return provider.create(new LayerContext(inputWidth, parsed, layerSeed));
    }

    private double objective(Options parsed, Matrix x, Matrix g, boolean training, int parameter, Matrix value) {
        Layer layer = create(parsed, seed);
        if (parameter >= 0) {
            layer.parameters().get(parameter).value().copyFrom(value);
        }
        return Gradients.dot(g, layer.forward(x, training));
    }

    private void gradients(Options parsed, Matrix x, Matrix g, boolean training, Findings findings) {
        String mode = " (" + mode(training) + ")";
        Layer layer = create(parsed, seed);
        layer.forward(x, training);
        Matrix dx = layer.backward(g, true);
        Matrix dxCopy = dx == null ? null : dx.copy();
        List<Parameter> params = layer.parameters();
        List<Matrix> grads = params.stream().map(p -> p.gradient().copy()).toList();

        String problem = Gradients.compare("dL/dx" + mode, dxCopy,
                Gradients.numerical(x, xp -> objective(parsed, xp, g, training, -1, null)), tolerance);
        if (problem != null) {
            findings.add(problem);
        }
        for (int k = 0; k < params.size(); k++) {
            int index = k;
            Matrix value = params.get(k).value().copy();
            problem = Gradients.compare("dL/d" + params.get(k).name() + mode, grads.get(k),
                    Gradients.numerical(value, v -> objective(parsed, x, g, training, index, v)), tolerance);
            if (problem != null) {
                findings.add(problem);
            }
        }

        layer.backward(g, true);
        for (int k = 0; k < params.size(); k++) {
            if (!params.get(k).gradient().equals(grads.get(k))) {
                findings.add("dL/d" + params.get(k).name() + mode + " changed when backward ran twice for one"
                        + " forward: gradients must be overwritten, not accumulated");
            }
        }
        Matrix none = layer.backward(g, false);
        if (none != null) {
            findings.add("backward(g, false)" + mode + " returned a matrix; it must return null when the input"
                    + " gradient is not asked for");
        }
        for (int k = 0; k < params.size(); k++) {
            if (!params.get(k).gradient().equals(grads.get(k))) {
                findings.add("dL/d" + params.get(k).name() + mode + " differs when the input gradient is not"
                        + " asked for");
            }
        }
    }

    private void sameSeed(Options parsed, Matrix x, boolean training, Findings findings) {
        Layer a = create(parsed, seed);
        Layer b = create(parsed, seed);
        for (int k = 0; k < a.parameters().size(); k++) {
            if (!a.parameters().get(k).value().equals(b.parameters().get(k).value())) {
                findings.add("two layers built from seed " + seed + " have different initial "
                        + a.parameters().get(k).name());
            }
        }
        for (int pass = 1; pass <= 2; pass++) {
            Matrix ya = a.forward(x, training).copy();
            Matrix yb = b.forward(x, training);
            if (!ya.equals(yb)) {
                findings.add("two layers built from seed " + seed + " give different outputs in " + mode(training)
                        + " (forward pass " + pass + "); randomness must come from LayerContext.seed alone");
                return;
            }
        }
    }

    private void shapes(Options parsed, Matrix x, Matrix g, Findings findings) {
        Layer layer = create(parsed, seed);
        Matrix wide = Matrix.zeros(x.rows(), inputWidth + 1);
        expectShapeError(findings, "forward of a " + wide.shape() + " input to a layer of input width "
                + inputWidth, () -> layer.forward(wide, false));
        layer.forward(x, true);
        Matrix wrong = Matrix.zeros(g.rows(), g.cols() + 1);
        expectShapeError(findings, "backward of a " + wrong.shape() + " output gradient after a forward that gave "
                + g.shape(), () -> layer.backward(wrong, true));
        Matrix fewer = Matrix.zeros(g.rows() + 1, g.cols());
        expectShapeError(findings, "backward of a " + fewer.shape() + " output gradient after a forward that gave "
                + g.shape(), () -> layer.backward(fewer, true));
    }

    static void expectShapeError(Findings findings, String what, Runnable call) {
        try {
            call.run();
            findings.add(what + " did not throw ShapeMismatchException");
        } catch (ShapeMismatchException expected) {
            // as it should
        } catch (RuntimeException e) {
            findings.add(what + " threw " + e.getClass().getSimpleName() + " instead of ShapeMismatchException ("
                    + e.getMessage() + ")");
        }
    }
}
