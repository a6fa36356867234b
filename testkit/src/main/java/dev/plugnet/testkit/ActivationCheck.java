package dev.plugnet.testkit;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ActivationContext;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Options;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Checks an {@link ActivationProvider}: {@link Activation#backward} (the vector-Jacobian product) against
 * central finite differences of {@code Σ g ⊙ act(a)}; the name, declared options and their round trip through
 * JSON; that mismatched shapes are refused with {@link dev.plugnet.api.ShapeMismatchException}; and that two
 * activations built from the same options give the same output.
 *
 * <p>Inputs are drawn with magnitudes 0.1 to 2 and random signs, away from a kink at 0 such as relu's.
 */
public final class ActivationCheck {
    private final ActivationProvider provider;
    private Map<String, ?> options = Map.of();
    private int width = 4;
    private int batchSize = 3;
    private long seed = 42;
    private double tolerance = 1e-6;

    private ActivationCheck(ActivationProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** @return a check of {@code provider} with no options, width 4, batch size 3, seed 42 */
    public static ActivationCheck of(ActivationProvider provider) {
        return new ActivationCheck(provider);
    }

    public ActivationCheck options(Map<String, ?> newOptions) {
        this.options = Map.copyOf(newOptions);
        return this;
    }

    public ActivationCheck width(int newWidth) {
        this.width = newWidth;
        return this;
    }

    public ActivationCheck batchSize(int rows) {
        this.batchSize = rows;
        return this;
    }

    /** @return this check, drawing its inputs from {@code newSeed} */
    public ActivationCheck seed(long newSeed) {
        this.seed = newSeed;
        return this;
    }

    public ActivationCheck tolerance(double relative) {
        this.tolerance = relative;
        return this;
    }

    /** Runs every check. @throws AssertionError listing every problem found */
    public void verify() {
        run().verify();
    }

    /** @return every problem found, one sentence each */
    public List<String> problems() {
        return run().all();
    }

    private Findings run() {
        Findings findings = Findings.about("activation", provider);
        Optional<Options> checked = OptionChecks.checkAndParse(provider, options, "activation", findings);
        if (checked.isEmpty()) {
            return findings;
        }
        Options parsed = checked.get();
        SplittableRandom random = new SplittableRandom(seed);
        Matrix pre = Gradients.random(random, batchSize, width);
        Matrix g = Gradients.random(random, batchSize, width);
        try {
            Activation activation = provider.create(new ActivationContext(parsed, width));
            Matrix out = Matrix.zeros(batchSize, width);
            activation.forward(pre, out);
            Matrix analytic = Matrix.zeros(batchSize, width);
            activation.backward(pre, out, g, analytic);
            String problem = Gradients.compare("dL/da", analytic, Gradients.numerical(pre, a -> {
                Matrix y = Matrix.zeros(batchSize, width);
                activation.forward(a, y);
                return Gradients.dot(g, y);
            }), tolerance);
            if (problem != null) {
                findings.add(problem);
            }

            Activation twin = provider.create(new ActivationContext(parsed, width));
            Matrix out2 = Matrix.zeros(batchSize, width);
            twin.forward(pre, out2);
            if (!out.equals(out2)) {
                findings.add("two activations built from the same options give different outputs");
            }

            Matrix wide = Matrix.zeros(batchSize, width + 1);
            LayerCheck.expectShapeError(findings, "forward of a " + pre.shape() + " input into a " + wide.shape()
                    + " output", () -> activation.forward(pre, wide));
            LayerCheck.expectShapeError(findings, "backward with a " + wide.shape() + " output gradient for a "
                    + pre.shape() + " input", () -> activation.backward(pre, out, wide, analytic));
        } catch (RuntimeException e) {
            findings.add("threw " + e);
        }
        return findings;
    }
}
