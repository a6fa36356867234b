package dev.plugnet.testkit;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.Optimizer;
import dev.plugnet.api.OptimizerContext;
import dev.plugnet.api.OptimizerProvider;
import dev.plugnet.api.Options;
import dev.plugnet.api.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Checks an {@link OptimizerProvider} on a small problem (a weight matrix that decays and a bias that does not,
 * with the gradient of a quadratic bowl, so each step depends on the last):
 * <ul>
 * <li><b>state round trip</b>: {@link Optimizer#state()} has well-formed names, the same names and shapes for two
 *     optimizers of the same parameters, and is live; saving it by name after some steps, building a fresh
 *     optimizer on a copy of the parameters, restoring the state and η into it and going on gives weights
 *     <b>bit-identical</b> to an uninterrupted run (what a checkpoint's resume relies on), and
 *     {@link Optimizer#checkState} accepts every saved entry without changing it;</li>
 * <li><b>determinism</b>: two optimizers from one context take identical steps;</li>
 * <li><b>learning rate</b>: {@code learningRate(η)} is read back, and the steps move the parameters;</li>
 * <li><b>allocation</b>: a warmed-up {@link Optimizer#step()} allocates nothing (where the JDK can measure it);</li>
 * <li>the name, declared options and their JSON round trip.</li>
 * </ul>
 *
 * <pre>{@code
 * OptimizerCheck.of(new RmsPropProvider()).options(Map.of("learning_rate", 0.01)).verify();
 * }</pre>
 */
public final class OptimizerCheck {
    private static final Pattern STATE_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\[[0-9]+])?");

    private final OptimizerProvider provider;
    private Map<String, ?> options = Map.of();
    private int steps = 8;
    private long seed = 42;
    private boolean allocations = true;

    private OptimizerCheck(OptimizerProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** @return a check of {@code provider} with no options, 8 steps (interrupted after 3), seed 42 */
    public static OptimizerCheck of(OptimizerProvider provider) {
        return new OptimizerCheck(provider);
    }

    /** @return this check, building the optimizer with these JSON options */
    public OptimizerCheck options(Map<String, ?> newOptions) {
        this.options = Map.copyOf(newOptions);
        return this;
    }

    /** @return this check with {@code count} steps in the uninterrupted run (at least 2) */
    public OptimizerCheck steps(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("steps must be >= 2, got " + count);
        }
        this.steps = count;
        return this;
    }

    /** @return this check, drawing its parameters from {@code newSeed} and telling the optimizer that seed */
    public OptimizerCheck seed(long newSeed) {
        this.seed = newSeed;
        return this;
    }

    /** @return this check without the allocation check (for an optimizer documented to allocate) */
    public OptimizerCheck skipAllocationCheck() {
        this.allocations = false;
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
        Findings findings = Findings.about("optimizer", provider);
        Optional<Options> checked = OptionChecks.checkAndParse(provider, options, "optimizer", findings);
        if (checked.isEmpty()) {
            return findings;
        }
        Options parsed = checked.get();
        try {
            Problem stateProblem = new Problem(seed);
            checkState(findings, provider.create(new OptimizerContext(stateProblem.parameters, parsed, seed)),
                    stateProblem);
            Problem reference = new Problem(seed);
            Optimizer straight = provider.create(new OptimizerContext(reference.parameters, parsed, seed));
            double eta = straight.learningRate();
            straight.learningRate(eta * 0.5);
            if (Double.compare(straight.learningRate(), eta * 0.5) != 0) {
                findings.add(String.format(Locale.ROOT, "learningRate(%s) then learningRate() gives %s", eta * 0.5,
                        straight.learningRate()));
            }
            straight.learningRate(eta);
            List<Matrix> start = reference.values();
            for (int i = 0; i < steps; i++) {
                reference.step(straight);
            }
            if (reference.values().equals(start)) {
                findings.add(steps + " steps left every parameter unchanged");
            }

            Problem twinProblem = new Problem(seed);
            Optimizer twin = provider.create(new OptimizerContext(twinProblem.parameters, parsed, seed));
            for (int i = 0; i < steps; i++) {
                twinProblem.step(twin);
            }
            if (!twinProblem.values().equals(reference.values())) {
                findings.add("two optimizers from one context took different steps");
            }

            checkResume(findings, parsed, reference);
            if (allocations) {
                checkAllocations(findings, parsed);
            }
        } catch (RuntimeException e) {
            findings.add("threw " + e);
        }
        return findings;
    }

    private void checkState(Findings findings, Optimizer optimizer, Problem problem) {
        Map<String, Matrix> state = optimizer.state();
        if (state == null) {
            findings.add("state() returned null; a stateless optimizer returns an empty map");
            return;
        }
        for (String name : state.keySet()) {
            if (name == null || !STATE_NAME.matcher(name).matches()) {
                findings.add("state entry name " + (name == null ? "null" : '"' + name + '"') + " is not lower case"
                        + " letters, digits and underscores, optionally with a parameter index ([0])");
            }
            if (state.get(name) == null) {
                findings.add("state entry \"" + name + "\" is null");
            }
        }
        Problem other = new Problem(seed);
        Map<String, Matrix> second = provider.create(new OptimizerContext(other.parameters, optimizerOptions(),
                seed)).state();
        if (!List.copyOf(second.keySet()).equals(List.copyOf(state.keySet()))) {
            findings.add("two optimizers of the same parameters name their state differently: " + state.keySet()
                    + " and " + second.keySet());
        }
        if (!state.isEmpty()) {
            List<Matrix> before = copies(state);
            problem.step(optimizer);
            if (copies(optimizer.state()).equals(before) && !(optimizer.state().values().stream()
                    .allMatch(m -> m.data().length == 0))) {
                findings.add("a step left every state entry unchanged: state() must return the live matrices");
            }
        }
    }

    private Options optimizerOptions() {
        return Options.parse(provider.options(), options, "optimizer");
    }

    private void checkResume(Findings findings, Options parsed, Problem uninterrupted) {
        int before = Math.max(1, steps * 3 / 8);
        Problem first = new Problem(seed);
        Optimizer a = provider.create(new OptimizerContext(first.parameters, parsed, seed));
        int total = steps;
        for (int i = 0; i < before; i++) {
            first.step(a);
        }
        Map<String, Matrix> saved = new java.util.LinkedHashMap<>();
        a.state().forEach((name, m) -> saved.put(name, m.copy()));
        double eta = a.learningRate();

        Problem resumed = first.copy();
        Optimizer b = provider.create(new OptimizerContext(resumed.parameters, parsed, seed));
        Map<String, Matrix> live = b.state();
        if (!live.keySet().equals(saved.keySet())) {
            findings.add("a fresh optimizer's state " + live.keySet() + " has other entries than the saved " + saved.keySet());
            return;
        }
        for (Map.Entry<String, Matrix> e : saved.entrySet()) {
            Matrix target = live.get(e.getKey());
            if (!target.hasShape(e.getValue().rows(), e.getValue().cols())) {
                findings.add("state entry \"" + e.getKey() + "\" is " + target.shape() + " in a fresh optimizer but "
                        + e.getValue().shape() + " after " + before + " steps");
                return;
            }
            Matrix value = e.getValue().copy();
            try {
                b.checkState(e.getKey(), value);
            } catch (RuntimeException refused) {
                findings.add("checkState refuses its own state entry \"" + e.getKey() + "\" after " + before
                        + " steps: " + refused.getMessage());
                return;
            }
            if (!value.equals(e.getValue())) {
                findings.add("checkState(\"" + e.getKey() + "\", saved) changed the saved value; it must only read it");
                return;
            }
            target.copyFrom(e.getValue());
        }
        b.learningRate(eta);
        for (int i = before; i < total; i++) {
            resumed.step(b);
        }
        if (!resumed.values().equals(uninterrupted.values())) {
            findings.add("resuming after " + before + " of " + total + " steps from the saved state gives weights that"
                    + " differ from an uninterrupted run (worst " + resumed.worstDifference(uninterrupted)
                    + "): state() must hold everything a step depends on");
        }
    }

    private void checkAllocations(Findings findings, Options parsed) {
        Problem problem = new Problem(seed);
        Optimizer optimizer = provider.create(new OptimizerContext(problem.parameters, parsed, seed));
        Runnable step = optimizer::step;
        for (int i = 0; i < 20_000; i++) {
            step.run();
        }
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && least > 0; attempt++) {
            OptionalLong bytes = Allocations.bytesAllocatedBy(step, 1_000);
            if (bytes.isEmpty()) {
                return;
            }
            least = Math.min(least, bytes.getAsLong());
        }
        if (least > 0) {
            findings.add("a warmed-up step() allocates (" + least + " bytes in 1000 steps); it must allocate nothing");
        }
    }

    private static List<Matrix> copies(Map<String, Matrix> state) {
        List<Matrix> out = new ArrayList<>();
        state.values().forEach(m -> out.add(m.copy()));
        return out;
    }

    /** W (3×2, decayed) and b (1×2, not), with the gradient of {@code Σ (θ − c)² / 2 + 0.1 Σ sin θ}. */
    private static final class Problem {
        final List<Parameter> parameters;
        private final List<Matrix> centres;

        Problem(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            Parameter w = new Parameter("W", Gradients.random(random, 3, 2), true);
            Parameter b = new Parameter("b", Gradients.random(random, 1, 2), false);
            parameters = List.of(w, b);
            centres = List.of(Gradients.random(random, 3, 2), Gradients.random(random, 1, 2));
        }

        private Problem(List<Parameter> parameters, List<Matrix> centres) {
            this.parameters = parameters;
            this.centres = centres;
        }

        Problem copy() {
            List<Parameter> copied = new ArrayList<>();
            for (Parameter p : parameters) {
                Parameter c = new Parameter(p.name(), p.value().copy(), p.decayed());
                c.gradient().copyFrom(p.gradient());
                copied.add(c);
            }
            return new Problem(List.copyOf(copied), centres);
        }

        void step(Optimizer optimizer) {
            for (int i = 0; i < parameters.size(); i++) {
                double[] theta = parameters.get(i).value().data();
                double[] g = parameters.get(i).gradient().data();
                double[] c = centres.get(i).data();
                for (int j = 0; j < theta.length; j++) {
                    g[j] = theta[j] - c[j] + 0.1 * Math.cos(theta[j]);
                }
            }
            optimizer.step();
        }

        List<Matrix> values() {
            return parameters.stream().map(p -> p.value().copy()).toList();
        }

        String worstDifference(Problem other) {
            double worst = 0;
            for (int i = 0; i < parameters.size(); i++) {
                double[] a = parameters.get(i).value().data();
                double[] b = other.parameters.get(i).value().data();
                for (int j = 0; j < a.length; j++) {
                    worst = Math.max(worst, Math.abs(a[j] - b[j]));
                }
            }
            return String.format(Locale.ROOT, "%.3g", worst);
        }
    }
}
