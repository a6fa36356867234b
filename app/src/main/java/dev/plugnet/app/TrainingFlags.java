package dev.plugnet.app;

import dev.plugnet.api.ComputeBackend;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.TrainingOverrides;
import dev.plugnet.core.compute.ComputeBackends;
import dev.plugnet.core.model.ClassWeightsSpec;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.model.Monitor;
import dev.plugnet.core.model.TrainingSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags that say how a model trains, defined once for every command that trains ({@code train}, and
 * {@code cv} for each fold): epochs, batch size, optimizer, learning rate, seed, validation fraction, early
 * stopping (patience, monitor, min delta), class weights, the shortcut switch, threads, the label and the feature
 * columns. Each overrides the model file's {@code training} section (or optimizer, seed, shortcuts); a flag not
 * given keeps the file's value. Closed by the command that mixes it in (it may open a compute backend).
 */
final class TrainingFlags implements AutoCloseable {
    /** The largest --learning-rate: far above any rate that trains, far below one that overflows the weights. */
    static final double MAX_LEARNING_RATE = 1000;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "The label column's name (default: the config's training.label, else the last column);"
                    + " for a regression, commas separate several target columns.")
    String label;

    @Option(names = "--features", paramLabel = "A,B,…", split = ",",
            description = "Use only these columns as features, by name (default: the config's training.features,"
                    + " else every column but the label's).")
    List<String> features;

    @Option(names = "--ignore", paramLabel = "A,B,…", split = ",",
            description = "Leave these columns out, by name, for example an id column (default: the config's"
                    + " training.ignore).")
    List<String> ignore;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs to train, the most with early stopping (train --resume: how many more).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Rows per minibatch.")
    Integer batchSize;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "Optimizer plugin, for example sgd, momentum, adam.")
    String optimizer;

    @Option(names = "--learning-rate", paramLabel = "X", description = "The optimizer's learning rate.")
    Double learningRate;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the initial weights, the split and the shuffling.")
    Long seed;

    @Option(names = "--validation-fraction", paramLabel = "X",
            description = "Share of the training rows split off for validation (0 to " + TrainingSpec.MAX_FRACTION
                    + ").")
    Double validationFraction;

    @Option(names = "--patience", paramLabel = "N",
            description = "Epochs without an improvement of the monitored quantity (--monitor, by more than"
                    + " --min-delta) before stopping early and restoring the best epoch's weights. Default 20; 0 turns"
                    + " early stopping off (then the last epoch's weights are kept). Early stopping needs validation"
                    + " rows.")
    Integer patience;

    @Option(names = "--monitor", paramLabel = "NAME",
            description = "What early stopping watches on the validation rows: " + Monitor.CHOICES
                    + "; MAE and RMSE in the targets' units. Default: the config's training.monitor, else"
                    + " validation_loss.")
    String monitor;

    @Option(names = "--min-delta", paramLabel = "X",
            description = "The least change of the monitored quantity that counts as an improvement (default: the"
                    + " config's training.min_delta, else 0).")
    Double minDelta;

    @Option(names = "--class-weights", paramLabel = "balanced|CLASS=W,…",
            description = "How much each class counts in cross_entropy: balanced (n / (K n_k) over the training rows)"
                    + " or a weight per class, for example hypo=3,hyper=2 (others weigh 1). Overrides the config's"
                    + " training.class_weights.")
    String classWeights;

    @Option(names = "--no-shortcut", description = "Use the generic backward steps 1–2 even if a fused shortcut is installed.")
    boolean noShortcut;

    @Option(names = "--threads", paramLabel = "N", description = {"Threads for the matrix products (default: every"
            + " core, used only for products large enough to pay). Results are bit-identical for a given thread"
            + " count and seed."})
    Integer threads;

    /** The products' threads when {@code --threads} is given; otherwise the process-wide one is used. */
    private ComputeBackend compute;

    /** @throws ParameterException for a flag value out of its range */
    void validate() {
        if (threads != null) {
            ThreadLimit.check(command.commandLine(), threads);
        }
        if (epochs != null && epochs < 1) {
            bad("--epochs must be a positive integer, got " + epochs);
        }
        if (batchSize != null && batchSize < 1) {
            bad("--batch-size must be a positive integer, got " + batchSize);
        }
        if (patience != null && patience < 0) {
            bad("--patience must be 0 or more, got " + patience);
        }
        if (learningRate != null && !(learningRate > 0 && learningRate <= MAX_LEARNING_RATE)) {
            bad("--learning-rate must be above 0 and at most " + MAX_LEARNING_RATE + ", got " + learningRate);
        }
        if (validationFraction != null && !(validationFraction >= 0 && validationFraction <= TrainingSpec.MAX_FRACTION)) {
            bad("--validation-fraction must be from 0 to " + TrainingSpec.MAX_FRACTION + ", got " + validationFraction);
        }
        if (monitor != null && Monitor.of(monitor) == null) {
            bad("--monitor must be " + Monitor.CHOICES + ", got " + monitor);
        }
        if (minDelta != null && !(minDelta >= 0 && Double.isFinite(minDelta))) {
            bad("--min-delta must be a finite number, 0 or more, got " + minDelta);
        }
    }

    /**
     * @param regression whether the model is a regression
     * @throws ParameterException if {@code --monitor} names a figure this kind of model lacks
     */
    void checkMonitor(boolean regression) {
        if (monitor == null) {
            return;
        }
        try {
            Monitor.require(monitor, regression);
        } catch (dev.plugnet.api.ConfigException e) {
            bad("--monitor " + monitor + ": " + e.problem());
        }
    }

    /**
     * @param location where a setting was found wrong, such as {@code training.class_weights.sick}
     * @return the flag that gave that setting, with the rest of the path ({@code --class-weights sick}), or
     *         {@code null} when no flag gave it (the model file did)
     */
    String flagSetting(String location) {
        String weights = "training.class_weights";
        if (classWeights != null && location.startsWith(weights)) {
            return "--class-weights" + location.substring(weights.length()).replaceFirst("^\\.", " ");
        }
        return null;
    }

    /**
     * @param epochsToo whether {@code --epochs} sets the model's epochs (not when resuming: there it counts more)
     * @param testFraction {@code --test-fraction}, or {@code null}
     * @return {@code model} with these flags in place of its own settings
     */
    ModelSpec applyTo(ModelSpec model, boolean epochsToo, Double testFraction) {
        ModelSpec m = new TrainingOverrides(epochsToo ? epochs : null, batchSize, optimizer, learningRate, seed,
                validationFraction, testFraction, patience, label, noShortcut ? Boolean.FALSE : null,
                classWeights == null ? null : parseClassWeights(classWeights), monitor, minDelta).applyTo(model);
        if (features != null || ignore != null) {
            TrainingSpec mt = m.training();
            m = m.withTraining(mt.withColumns(features != null ? features : mt.features(),
                    ignore != null ? ignore : mt.ignore()));
        }
        return m;
    }

    /**
     * @return the backend the model's products run on: with {@code --threads}, one of its own (opened here for
     *         the run's compute choice, closed by {@link #close()}); otherwise the process-wide one
     */
    ComputeBackend backend(Plugnet plugnet, ModelSpec model) {
        ComputeBackends backends = plugnet.computeBackends();
        String choice = backends.choice(model.training().compute());
        if (threads != null) {
            if (compute == null) {
                compute = backends.open(choice, threads);
            }
            return compute;
        }
        return plugnet.products() != null ? plugnet.products() : backends.shared(choice);
    }

    /** Closes the backend {@code --threads} opened, if any. */
    @Override
    public void close() {
        if (compute != null) {
            compute.close();
            compute = null;
        }
    }

    private ClassWeightsSpec parseClassWeights(String text) {
        if (text.equals("balanced")) {
            return ClassWeightsSpec.BALANCED;
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String pair : text.split(",", -1)) {
            int eq = pair.lastIndexOf('=');
            double w = Double.NaN;
            if (eq > 0) {
                try {
                    w = Double.parseDouble(pair.substring(eq + 1));
                } catch (NumberFormatException e) {
                    w = Double.NaN;
                }
            }
            if (!(w >= 0) || !Double.isFinite(w)) {
                bad("--class-weights: expected balanced or CLASS=WEIGHT pairs with non-negative weights, separated"
                        + " by commas, got \"" + pair + "\"");
            }
            weights.put(pair.substring(0, eq), w);
        }
        return new ClassWeightsSpec(false, weights);
    }

    /** @return the target columns a label names (commas separate several), {@code null} for the last column */
    static List<String> targetColumns(String label) {
        return label == null ? null : java.util.Arrays.stream(label.split(",")).map(String::strip).toList();
    }

    private void bad(String message) {
        throw new ParameterException(command.commandLine(), message);
    }
}
