package dev.plugnet.core;

import dev.plugnet.api.ConfigException;
import dev.plugnet.core.data.ArrayData;
import dev.plugnet.core.data.DataException;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.model.ClassWeightsSpec;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.train.EpochStats;
import dev.plugnet.core.train.TrainingListener;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Trains a model on rows held in memory: {@code plugnet.fit(spec)}, any settings, then {@code on(…)}. Settings
 * start as the spec's {@code training} section (epochs, batch size, validation fraction, patience, monitor,
 * schedule, class order), its optimizer and seed; each setter overrides one. Class-name labels take the order of
 * {@code training.classes} when the spec lists them, else the CSV reader's order (numbers numerically, other names
 * by Unicode code point). The rows get the checks a CSV file gets, each problem one
 * {@link DataException} naming the row (from 1) and column.
 *
 * <p>Without {@link #validation} rows, the spec's validation fraction of the rows is split off (stratified for a
 * classifier, seeded) for early stopping and the per-epoch figures; with them, every row trains. A classifier
 * takes validation labels (names or indices), a regression validation targets (one or several columns). No test rows are held out:
 * {@link TrainedModel#evaluate} reports on rows of your choice.
 *
 * <pre>{@code
 * TrainedModel model = plugnet.fit(spec).epochs(300).patience(20)
 *         .on(List.of("T3_resin", "thyroxin", "triiodothyronine", "tsh", "tsh_diff"), x, y);
 * }</pre>
 *
 * A {@code Fit} is a builder for one thread; {@code on} may be called more than once.
 */
public final class Fit {
    private final Plugnet plugnet;
    private final ModelSpec spec;
    private Integer epochs;
    private Integer batchSize;
    private String optimizer;
    private Double learningRate;
    private Long seed;
    private Double validationFraction;
    private Integer patience;
    private Boolean shortcuts;
    private String monitor;
    private Double minDelta;
    private ClassWeightsSpec classWeights;
    private final List<TrainingListener> listeners = new java.util.ArrayList<>();
    private BooleanSupplier cancelled = () -> false;
    private double[][] validationX;
    private String[] validationNames;
    private int[] validationIndices;
    private double[][] validationTargets;
    private List<String> classNames;

    Fit(Plugnet plugnet, ModelSpec spec) {
        this.plugnet = plugnet;
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** Epochs to train (the most, with early stopping). */
    public Fit epochs(int n) {
        epochs = positive("epochs", n);
        return this;
    }

    /** Rows per minibatch. */
    public Fit batchSize(int n) {
        batchSize = positive("batchSize", n);
        return this;
    }

    /** Another optimizer plugin, by name (its options take their defaults). */
    public Fit optimizer(String name) {
        if (name == null || name.isBlank()) {
            throw new ConfigException("optimizer", "expected an optimizer plugin's name, got " + name);
        }
        optimizer = name;
        return this;
    }

    /** The optimizer's learning rate η. */
    public Fit learningRate(double rate) {
        if (!(rate > 0 && Double.isFinite(rate))) {
            throw new ConfigException("learningRate", "must be a positive number, got " + rate);
        }
        learningRate = rate;
        return this;
    }

    /** The seed of the initial weights, the validation split and the shuffling. */
    public Fit seed(long value) {
        seed = value;
        return this;
    }

    /** The share of rows split off for validation when no {@link #validation} rows are given (0 to 0.9). */
    public Fit validationFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 0.9)) {
            throw new ConfigException("validationFraction", "must be from 0 to 0.9, got " + fraction);
        }
        validationFraction = fraction;
        return this;
    }

    /**
     * Epochs without an improvement of the monitored quantity (see {@link #monitor}) before stopping and restoring
     * the best epoch; 0 turns early stopping off.
     */
    public Fit patience(int epochsWithoutImprovement) {
        if (epochsWithoutImprovement < 0) {
            throw new ConfigException("patience", "must be 0 or more, got " + epochsWithoutImprovement);
        }
        patience = epochsWithoutImprovement;
        return this;
    }

    /**
     * What early stopping watches: {@value dev.plugnet.core.model.Monitor#CHOICES} (default: the spec's
     * {@code training.monitor}).
     */
    public Fit monitor(String name) {
        if (dev.plugnet.core.model.Monitor.of(name) == null) {
            throw new ConfigException("monitor", "expected " + dev.plugnet.core.model.Monitor.CHOICES + ", got "
                    + name);
        }
        monitor = name;
        return this;
    }

    /** The least change of the monitored quantity that counts as an improvement (0 or more). */
    public Fit minDelta(double delta) {
        if (!(delta >= 0 && Double.isFinite(delta))) {
            throw new ConfigException("minDelta", "must be a finite number, 0 or more, got " + delta);
        }
        minDelta = delta;
        return this;
    }

    /** Whether a fused backward shortcut may run (default: the spec's {@code shortcuts}). */
    public Fit shortcuts(boolean on) {
        shortcuts = on;
        return this;
    }

    /** Weighs each class by {@code n / (K n_k)} over the training rows in the loss (for imbalanced classes). */
    public Fit balancedClassWeights() {
        classWeights = ClassWeightsSpec.BALANCED;
        return this;
    }

    /** Weighs the named classes in the loss (the others weigh 1), for example {@code Map.of("hypo", 3.0)}. */
    public Fit classWeights(java.util.Map<String, Double> weights) {
        for (var e : weights.entrySet()) {
            if (e.getValue() == null || !(e.getValue() >= 0) || !Double.isFinite(e.getValue())) {
                throw new ConfigException("classWeights." + e.getKey(), "expected a non-negative weight, got "
                        + e.getValue());
            }
        }
        classWeights = new ClassWeightsSpec(false, new java.util.LinkedHashMap<>(weights));
        return this;
    }

    /** Adds a listener of the progress: epochs, minibatches (called on the training thread, in the order added). */
    public Fit listener(TrainingListener hears) {
        listeners.add(Objects.requireNonNull(hears, "listener"));
        return this;
    }

    /** Adds an action called with each epoch's figures as it ends (on the training thread). */
    public Fit onEpoch(Consumer<EpochStats> action) {
        Objects.requireNonNull(action, "action");
        return listener(new TrainingListener() {
            @Override
            public void epochDone(EpochStats stats, boolean best) {
                action.accept(stats);
            }
        });
    }

    /**
     * Stops training when {@code signal} turns true (asked before every minibatch step, for example a
     * {@link Cancellation}); the model returned then holds the best epoch so far.
     */
    public Fit cancellation(BooleanSupplier signal) {
        cancelled = Objects.requireNonNull(signal, "signal");
        return this;
    }

    /** Validation rows with class-name labels, in place of a split of the training rows (for {@code on}). */
    public Fit validation(double[][] x, String[] y) {
        clearValidation();
        validationX = x;
        validationNames = y;
        return this;
    }

    /** Validation rows with class-index labels, in place of a split of the training rows (for {@code on}). */
    public Fit validation(double[][] x, int[] y) {
        clearValidation();
        validationX = x;
        validationIndices = y;
        return this;
    }

    /**
     * Validation rows of a regression, in place of a split of the training rows (for {@link #onTargets}): one
     * row of targets per row of {@code x}, in the columns of the training targets and in their own units
     * (standardised with the training rows' means and scales, as the features are).
     */
    public Fit validation(double[][] x, double[][] y) {
        clearValidation();
        validationX = x;
        validationTargets = y;
        return this;
    }

    /** Validation rows of a regression with one target column (see {@link #validation(double[][], double[][])}). */
    public Fit validation(double[][] x, double[] y) {
        return validation(x, column(y, "validation y"));
    }

    private void clearValidation() {
        validationNames = null;
        validationIndices = null;
        validationTargets = null;
    }

    /** Names the classes of class-index labels: index {@code k} is {@code names.get(k)} (default "0", "1", …). */
    public Fit classNames(List<String> names) {
        classNames = names;
        return this;
    }

    /**
     * Trains on rows whose labels are class names.
     *
     * @param featureNames one name per column of {@code x}
     * @param x the rows, not standardised (the model standardises them, and the rows it will predict, itself)
     * @param y each row's class
     * @return the trained model, holding the best epoch's weights
     * @throws DataException if a row, value or label is unusable, naming its row and column
     * @throws ConfigException if the model cannot be assembled with the installed plugins
     * @throws dev.plugnet.core.train.TrainingFailedException if a loss or gradient becomes non-finite
     */
    public TrainedModel on(List<String> featureNames, double[][] x, String[] y) {
        List<String> classes = spec.training().classes();
        ArrayData rows = new ArrayData("x", "y");
        Dataset data = classes == null ? rows.forTraining(featureNames, x, y)
                : rows.forClasses(featureNames, ArrayData.LABEL_COLUMN, classes, x, y);
        return train(data);
    }

    /**
     * Trains on rows whose labels are class indices (named by {@link #classNames}, or "0", "1", …).
     *
     * @throws DataException if a row, value or label is unusable, naming its row and column
     */
    public TrainedModel on(List<String> featureNames, double[][] x, int[] y) {
        Dataset data = new ArrayData("x", "y").forTraining(featureNames, x, y, classNames);
        return train(data);
    }

    /**
     * Trains a regression (a model whose loss and linear output predict numbers, such as {@code mse}) on numeric
     * targets; they are standardised on the training rows and the model predicts in their units
     * ({@link TrainedModel#predictValues}).
     *
     * @param targetNames one name per column of {@code y}
     * @param y each row's targets
     * @throws DataException if a row or value is unusable, naming its row and column
     */
    public TrainedModel onTargets(List<String> featureNames, double[][] x, List<String> targetNames, double[][] y) {
        if (validationNames != null || validationIndices != null) {
            throw new ConfigException("validation", "these validation rows have class labels, but a regression"
                    + " needs numeric targets: give validation(x, double[][] targets)");
        }
        return train(new ArrayData("x", "y").forRegression(featureNames, x, targetNames, y));
    }

    /**
     * Trains a regression on one numeric target column (see {@link #onTargets(List, double[][], List, double[][])}).
     *
     * @param targetName the target's name
     * @param y each row's target
     */
    public TrainedModel onTargets(List<String> featureNames, double[][] x, String targetName, double[] y) {
        return onTargets(featureNames, x, List.of(targetName), column(y, "y"));
    }

    private static double[][] column(double[] y, String name) {
        if (y == null) {
            throw new DataException(name, "is missing; expected one target per row");
        }
        double[][] rows = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            rows[i] = new double[] {y[i]};
        }
        return rows;
    }

    private TrainedModel train(Dataset data) {
        Dataset validation = null;
        if (validationTargets != null) {
            if (!data.regression()) {
                throw new ConfigException("validation", "these validation rows have numeric targets, but the"
                        + " model is trained as a classifier: give validation(x, labels) with class names or"
                        + " indices, or train a regression with onTargets");
            }
            validation = new ArrayData("validation x", "validation y").forRegression(data.featureNames(),
                    validationX, data.labelNames(), validationTargets);
        } else if (validationNames != null || validationIndices != null) {
            ArrayData rows = new ArrayData("validation x", "validation y");
            validation = validationIndices != null
                    ? rows.forClasses(data.featureNames(), data.labelColumn(), data.labelNames(), validationX,
                            validationIndices)
                    : rows.forClasses(data.featureNames(), data.labelColumn(), data.labelNames(), validationX,
                            validationNames);
        }
        ModelSpec run = new TrainingOverrides(epochs, batchSize, optimizer, learningRate, seed, validationFraction,
                null, patience, null, shortcuts, classWeights, monitor, minDelta).applyTo(spec);
        TrainingRequest request = TrainingRequest.of(run, data).withValidation(validation).withHoldOutTest(false)
                .withListener(listeners.size() == 1 ? listeners.get(0) : new Listeners(listeners))
                .withCancellation(cancelled);
        return TrainingRun.prepare(plugnet, request).run().model();
    }

    private static int positive(String name, int n) {
        if (n < 1) {
            throw new ConfigException(name, "must be a positive integer, got " + n);
        }
        return n;
    }

    /** Every listener added, in order. */
    private record Listeners(List<TrainingListener> all) implements TrainingListener {
        Listeners {
            all = List.copyOf(all);
        }

        @Override
        public void started(int firstEpoch, int lastEpoch, int batches, int rows) {
            all.forEach(l -> l.started(firstEpoch, lastEpoch, batches, rows));
        }

        @Override
        public void batchDone(int epoch, int batch, double loss) {
            for (TrainingListener l : all) {
                l.batchDone(epoch, batch, loss);
            }
        }

        @Override
        public void epochDone(EpochStats stats, boolean best) {
            all.forEach(l -> l.epochDone(stats, best));
        }

        @Override
        public void epochRecorded(dev.plugnet.core.train.History history) {
            all.forEach(l -> l.epochRecorded(history));
        }
    }
}
