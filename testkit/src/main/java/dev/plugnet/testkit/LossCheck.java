package dev.plugnet.testkit;

import dev.plugnet.api.Loss;
import dev.plugnet.api.LossContext;
import dev.plugnet.api.LossProvider;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Options;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Checks a {@link LossProvider}: {@link Loss#gradient} (SPEC.md step 1 for cross-entropy) against central finite
 * differences of {@link Loss#value}; the value at points the author knows ({@link #expect}); that the gradient
 * overwrites its buffer; that mismatched shapes are refused with {@link dev.plugnet.api.ShapeMismatchException};
 * that two losses built from one context agree; and the name, declared options and their JSON round trip.
 *
 * <pre>{@code
 * LossCheck.of(new FocalLossProvider()).options(Map.of("gamma", 2.0)).outputs(3)
 *         .expect(Matrix.row(0.5, 0.5), Matrix.row(1, 0), 0.1732867951)
 *         .verify();
 * }</pre>
 *
 * <p>Outputs are drawn as probability distributions (every element at least {@code 0.05 / K}) when the loss
 * {@link LossProvider#needsDistribution() needs them}, else with magnitudes 0.1 to 2 and random signs; targets
 * are one-hot rows, or {@link #targets given ones}.
 */
public final class LossCheck {
    private record KnownPoint(Matrix output, Matrix target, double value) {
    }

    private final LossProvider provider;
    private Map<String, ?> options = Map.of();
    private int outputs = 3;
    private int batchSize = 4;
    private long seed = 42;
    private double tolerance = 1e-6;
    private Matrix targets;
    private final List<KnownPoint> known = new ArrayList<>();

    private LossCheck(LossProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** @return a check of {@code provider} with no options, K = 3, batch size 4, seed 42, tolerance 1e-6 */
    public static LossCheck of(LossProvider provider) {
        return new LossCheck(provider);
    }

    /** @return this check, building the loss with these JSON options */
    public LossCheck options(Map<String, ?> newOptions) {
        this.options = Map.copyOf(newOptions);
        return this;
    }

    /** @return this check with K, the network's output width the loss is told about */
    public LossCheck outputs(int k) {
        this.outputs = k;
        return this;
    }

    /** @return this check with B rows per batch */
    public LossCheck batchSize(int rows) {
        this.batchSize = rows;
        return this;
    }

    /** @return this check, drawing its inputs from {@code newSeed} */
    public LossCheck seed(long newSeed) {
        this.seed = newSeed;
        return this;
    }

    /** @return this check with the largest relative error allowed for gradients and known values */
    public LossCheck tolerance(double relative) {
        this.tolerance = relative;
        return this;
    }

    /** @return this check, using {@code target} (B, K) instead of drawn one-hot rows (regression targets, say) */
    public LossCheck targets(Matrix target) {
        this.targets = target.copy();
        return this;
    }

    /** @return this check, also requiring {@code value(output, target)} to be {@code expected} */
    public LossCheck expect(Matrix output, Matrix target, double expected) {
        known.add(new KnownPoint(output.copy(), target.copy(), expected));
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
        Findings findings = Findings.about("loss", provider);
        Optional<Options> checked = OptionChecks.checkAndParse(provider, options, "loss", findings);
        if (checked.isEmpty()) {
            return findings;
        }
        Options parsed = checked.get();
        int rows = targets != null ? targets.rows() : batchSize;
        int k = targets != null ? targets.cols() : outputs;
        LossContext context = new LossContext(parsed, k);
        SplittableRandom random = new SplittableRandom(seed);
        Matrix y = provider.needsDistribution() ? Draws.distributions(random, rows, k)
                : Gradients.random(random, rows, k);
        Matrix t = targets != null ? targets : Draws.oneHot(random, rows, k);
        try {
            Loss loss = provider.create(context);
            double value = loss.value(y, t);
            if (!Double.isFinite(value)) {
                findings.add(String.format(Locale.ROOT, "value of a %s batch is %s, not a finite number", y.shape(),
                        value));
            }
            Matrix analytic = Matrix.zeros(rows, k);
            loss.gradient(y, t, analytic);
            Matrix dirty = Draws.filled(rows, k, 7.0);
            loss.gradient(y, t, dirty);
            if (!dirty.equals(analytic)) {
                findings.add("the gradient depends on what its buffer held: it must be overwritten, not added to");
            }
            String problem = Gradients.compare("dL/dy", analytic,
                    FiniteDifferences.gradient(y, at -> loss.value(at, t)), tolerance);
            if (problem != null) {
                findings.add(problem);
            }
            for (KnownPoint p : known) {
                double got = loss.value(p.output(), p.target());
                if (!(FiniteDifferences.relativeError(got, p.value()) <= tolerance)) {
                    findings.add(String.format(Locale.ROOT, "value at output %s, target %s is %.12g, expected %.12g",
                            p.output().shape(), p.target().shape(), got, p.value()));
                }
            }
            Loss twin = provider.create(context);
            if (Double.compare(twin.value(y, t), value) != 0) {
                findings.add("two losses built from one context give different values");
            }
            Matrix narrow = Matrix.zeros(rows, k + 1);
            LayerCheck.expectShapeError(findings, "value of a " + y.shape() + " output against a " + narrow.shape()
                    + " target", () -> loss.value(y, narrow));
            LayerCheck.expectShapeError(findings, "gradient of a " + y.shape() + " output into a " + narrow.shape()
                    + " buffer", () -> loss.gradient(y, t, narrow));
            LayerCheck.expectShapeError(findings, "gradient of a " + y.shape() + " output against a "
                    + narrow.shape() + " target", () -> loss.gradient(y, narrow, Matrix.zeros(rows, k)));
        } catch (RuntimeException e) {
            findings.add("threw " + e);
        }
        return findings;
    }
}
