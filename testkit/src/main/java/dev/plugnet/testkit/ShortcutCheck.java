package dev.plugnet.testkit;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.Loss;
import dev.plugnet.api.LossProvider;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Options;
import dev.plugnet.api.PlugnetException;
import dev.plugnet.api.Shortcut;
import dev.plugnet.api.ShortcutContext;
import dev.plugnet.api.ShortcutProvider;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Checks a {@link ShortcutProvider} against the generic path it replaces: the activation's forward, the loss's
 * value and step 1, then the activation's vector-Jacobian product (step 2), built from the real activation and
 * loss providers with the same options. It checks that:
 * <ul>
 * <li>the shortcut names those plugins and {@link ShortcutProvider#covers covers} the given options;</li>
 * <li>its value and its gradient dL/da equal the generic path's where that is finite, and the gradient agrees
 *     with central finite differences of its value;</li>
 * <li>at huge logits (±1000, where softmax underflows and the generic path is not finite) its value and
 *     gradient stay finite;</li>
 * <li>the gradient overwrites its buffer, and mismatched shapes are refused with
 *     {@link dev.plugnet.api.ShapeMismatchException};</li>
 * <li>its name and declared options are well formed.</li>
 * </ul>
 *
 * <pre>{@code
 * ShortcutCheck.of(new SoftmaxFocalProvider(), new SoftmaxProvider(), new FocalLossProvider())
 *         .lossOptions(Map.of("gamma", 1.5)).outputs(4).verify();
 * }</pre>
 */
public final class ShortcutCheck {
    private final ShortcutProvider provider;
    private final ActivationProvider activationProvider;
    private final LossProvider lossProvider;
    private Map<String, ?> activationOptions = Map.of();
    private Map<String, ?> lossOptions = Map.of();
    private int outputs = 3;
    private int batchSize = 4;
    private long seed = 42;
    private double tolerance = 1e-6;

    private ShortcutCheck(ShortcutProvider provider, ActivationProvider activation, LossProvider loss) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.activationProvider = Objects.requireNonNull(activation, "activation");
        this.lossProvider = Objects.requireNonNull(loss, "loss");
    }

    /**
     * @param provider the shortcut
     * @param activation the provider of the activation it fuses
     * @param loss the provider of the loss it fuses
     * @return a check with no options, K = 3, batch size 4, seed 42, tolerance 1e-6
     */
    public static ShortcutCheck of(ShortcutProvider provider, ActivationProvider activation, LossProvider loss) {
        return new ShortcutCheck(provider, activation, loss);
    }

    /** @return this check with the activation's JSON options */
    public ShortcutCheck activationOptions(Map<String, ?> options) {
        this.activationOptions = Map.copyOf(options);
        return this;
    }

    /** @return this check with the loss's JSON options */
    public ShortcutCheck lossOptions(Map<String, ?> options) {
        this.lossOptions = Map.copyOf(options);
        return this;
    }

    /** @return this check with K, the network's output width */
    public ShortcutCheck outputs(int k) {
        this.outputs = k;
        return this;
    }

    /** @return this check with B rows per batch */
    public ShortcutCheck batchSize(int rows) {
        this.batchSize = rows;
        return this;
    }

    /** @return this check, drawing its inputs from {@code newSeed} */
    public ShortcutCheck seed(long newSeed) {
        this.seed = newSeed;
        return this;
    }

    /** @return this check with the largest relative error allowed against the generic path */
    public ShortcutCheck tolerance(double relative) {
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
        Findings findings = Findings.about("shortcut", provider);
        OptionChecks.check(provider, Map.of(), "shortcut", findings);
        if (!activationProvider.name().equals(provider.activation())) {
            findings.add("fuses activation \"" + provider.activation() + "\" but is checked with \""
                    + activationProvider.name() + "\"");
        }
        if (!lossProvider.name().equals(provider.loss())) {
            findings.add("fuses loss \"" + provider.loss() + "\" but is checked with \"" + lossProvider.name() + "\"");
        }
        Options activationParsed;
        Options lossParsed;
        try {
            activationParsed = Options.parse(activationProvider.options(), activationOptions, "activation");
            lossParsed = Options.parse(lossProvider.options(), lossOptions, "loss");
        } catch (PlugnetException e) {
            findings.add("the given options are not valid: " + e.getMessage());
            return findings;
        }
        ShortcutContext context = new ShortcutContext(activationParsed, lossParsed, outputs);
        try {
            if (!provider.covers(context)) {
                findings.add("does not cover " + provider.activation() + " " + activationOptions + " + "
                        + provider.loss() + " " + lossOptions + ", so there is nothing to compare");
                return findings;
            }
            Shortcut shortcut = provider.create(context);
            Activation activation = activationProvider.create(context.activation());
            Loss loss = lossProvider.create(context.loss());
            SplittableRandom random = new SplittableRandom(seed);
            Matrix logits = Gradients.random(random, batchSize, outputs);
            Matrix target = lossProvider.needsDistribution() || activationProvider.outputsDistribution()
                    ? Draws.oneHot(random, batchSize, outputs) : Gradients.random(random, batchSize, outputs);
            compareWithGenericPath(findings, shortcut, activation, loss, logits, target);

            Matrix huge = logits.copy();
            for (int i = 0; i < huge.data().length; i++) {
                huge.data()[i] = huge.data()[i] * 1000;
            }
            Matrix hugeOutput = Matrix.zeros(batchSize, outputs);
            activation.forward(huge, hugeOutput);
            double value = shortcut.value(huge, hugeOutput, target);
            Matrix gradient = Matrix.zeros(batchSize, outputs);
            shortcut.gradient(huge, hugeOutput, target, gradient);
            if (!Double.isFinite(value)) {
                findings.add("value at logits of about ±1000 is " + value + ", not finite");
            }
            for (double d : gradient.data()) {
                if (!Double.isFinite(d)) {
                    findings.add("gradient at logits of about ±1000 has " + d + ", not finite");
                    break;
                }
            }

            Matrix narrow = Matrix.zeros(batchSize, outputs + 1);
            Matrix output = Matrix.zeros(batchSize, outputs);
            activation.forward(logits, output);
            LayerCheck.expectShapeError(findings, "value with a " + narrow.shape() + " target for "
                    + logits.shape() + " logits", () -> shortcut.value(logits, output, narrow));
            LayerCheck.expectShapeError(findings, "gradient into a " + narrow.shape() + " buffer for "
                    + logits.shape() + " logits", () -> shortcut.gradient(logits, output, target, narrow));
        } catch (RuntimeException e) {
            findings.add("threw " + e);
        }
        return findings;
    }

    private void compareWithGenericPath(Findings findings, Shortcut shortcut, Activation activation, Loss loss,
                                        Matrix logits, Matrix target) {
        int rows = logits.rows();
        int k = logits.cols();
        Matrix output = Matrix.zeros(rows, k);
        activation.forward(logits, output);
        double generic = loss.value(output, target);
        double fused = shortcut.value(logits, output, target);
        if (!(FiniteDifferences.relativeError(generic, fused) <= tolerance)) {
            findings.add(String.format(Locale.ROOT, "value %.12g differs from the generic path's %.12g"
                    + " (%s then %s)", fused, generic, provider.activation(), provider.loss()));
        }
        Matrix lossGradient = Matrix.zeros(rows, k);
        loss.gradient(output, target, lossGradient);
        Matrix genericGradient = Matrix.zeros(rows, k);
        activation.backward(logits, output, lossGradient, genericGradient);
        Matrix fusedGradient = Draws.filled(rows, k, 7.0);
        shortcut.gradient(logits, output, target, fusedGradient);
        Matrix clean = Matrix.zeros(rows, k);
        shortcut.gradient(logits, output, target, clean);
        if (!clean.equals(fusedGradient)) {
            findings.add("the gradient depends on what its buffer held: it must be overwritten, not added to");
        }
        FiniteDifferences.compare("dL/da (against the generic path)", clean, genericGradient, tolerance)
                .map(p -> p.replace("central finite differences give", "the generic path gives"))
                .ifPresent(findings::add);
        FiniteDifferences.compare("dL/da", clean, FiniteDifferences.gradient(logits, a -> {
            Matrix s = Matrix.zeros(rows, k);
            activation.forward(a, s);
            return shortcut.value(a, s, target);
        }), tolerance).ifPresent(findings::add);
    }
}
