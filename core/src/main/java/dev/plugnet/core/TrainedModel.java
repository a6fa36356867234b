package dev.plugnet.core;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.checkpoint.CheckpointException;
import dev.plugnet.core.checkpoint.CheckpointReader;
import dev.plugnet.core.data.ArrayData;
import dev.plugnet.core.data.ClassOrder;
import dev.plugnet.core.data.DataException;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.data.Preprocessing;
import dev.plugnet.core.data.Samples;
import dev.plugnet.core.data.Standardizer;
import dev.plugnet.core.metrics.Evaluator;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.network.Network;
import dev.plugnet.core.train.History;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A trained model: its spec, weights, standardisation, feature names, class names and training history, ready to
 * predict, evaluate and save. It is <b>immutable and thread-safe</b>: any number of threads may call its methods
 * at once (each call runs on a network copy that no other thread uses at the same moment), and nothing it hands
 * out lets anyone change it.
 *
 * <p>For the fastest single-row path, give each thread its own {@link #newPredictor() predictor}, which
 * allocates nothing per call. A model loaded for inference ({@link Plugnet#load(Path)}) needs no optimizer plugin
 * and holds no optimizer state; saving it writes a checkpoint without that state (training resumed from it starts
 * the optimizer afresh). A model from {@link Plugnet#fit} keeps the state, so its checkpoint resumes exactly.
 *
 * <pre>{@code
 * TrainedModel model = plugnet.load(Path.of("runs/thyroid-5-4-3.json"));
 * Prediction p = model.predict(new double[] {107, 10.1, 2.2, 0.9, 2.7});
 * p.className();                 // "1"
 * p.probability("1");            // 0.98…
 * }</pre>
 */
public final class TrainedModel {
    private final Plugnet plugnet;
    private final Checkpoint checkpoint;
    private final Queue<Predictor> idle = new ConcurrentLinkedQueue<>();
    private final Object assembling = new Object();
    private final String source;

    /**
     * @param checkpoint the model's state, owned from now on by this model (its matrices are never handed out)
     * @param network a network already restored from {@code checkpoint}, to use first, or {@code null}
     */
    TrainedModel(Plugnet plugnet, Checkpoint checkpoint, Network network) {
        this(plugnet, checkpoint, network, null);
    }

    /** @param source names where the model was loaded from in messages, or {@code null} for its name */
    TrainedModel(Plugnet plugnet, Checkpoint checkpoint, Network network, String source) {
        this.plugnet = plugnet;
        this.checkpoint = checkpoint;
        this.source = source != null ? source : "model \"" + checkpoint.config().name() + "\"";
        if (network != null) {
            idle.add(new Predictor(network, checkpoint.preprocessing()));
        }
    }

    /** @return the model as written, with the training settings that ran */
    public ModelSpec spec() {
        return checkpoint.config();
    }

    /** @return the feature names, in the order a row's values take */
    public List<String> featureNames() {
        return checkpoint.preprocessing().featureNames();
    }

    /** @return the class names; output {@code k} is class {@code classNames().get(k)} */
    public List<String> classNames() {
        return checkpoint.preprocessing().labelNames();
    }

    /** @return the standardisation of each feature, fitted on the training rows */
    public Standardizer standardizer() {
        return checkpoint.preprocessing().standardizer();
    }

    /** @return the feature names, the standardisation, the label column and the class names, as one record */
    public Preprocessing preprocessing() {
        return checkpoint.preprocessing();
    }

    /** @return every epoch trained, and which one's weights the model holds */
    public History history() {
        return checkpoint.history();
    }

    /** @return the training data's name as recorded (a file or a bundled data set), or {@code null} */
    public String dataName() {
        return checkpoint.data();
    }

    /** @return a copy of every parameter's values, by path ({@code layers[0].W}), in the network's order */
    public Map<String, Matrix> weights() {
        Map<String, Matrix> out = new LinkedHashMap<>();
        checkpoint.weights().forEach((path, m) -> out.put(path, m.copy()));
        return out;
    }

    /** @return whether the model carries its optimizer's state (it does when trained here, not when loaded for inference) */
    public boolean hasOptimizerState() {
        return !checkpoint.optimizerState().isEmpty();
    }

    /**
     * @return a new predictor with its own network copy, for one thread
     * @throws CheckpointException if a plugin the model needs is no longer installed
     */
    public Predictor newPredictor() {
        Network network;
        synchronized (assembling) {
            network = plugnet.checkpointReader().restoreForPrediction(checkpoint, plugnet.assembler(),
                    plugnet.registry(), plugnet.products(), source);
        }
        return new Predictor(network, checkpoint.preprocessing());
    }

    /**
     * Predicts one row; thread-safe.
     *
     * @param row the features in the order of {@link #featureNames()}, as in the training data
     * @throws DataException if the row has the wrong width or a value that is not finite (naming its column)
     * @throws IllegalStateException if the model is a regression (use {@link #predictValues(double[][])})
     */
    public Prediction predict(double[] row) {
        Predictor p = borrow();
        try {
            return p.predict(row);
        } finally {
            idle.add(p);
        }
    }

    /**
     * Predicts one row given by feature name; other names are ignored (as other columns of a CSV file are).
     *
     * @throws DataException if a feature is missing or its value is {@code null} or not finite
     */
    public Prediction predict(Map<String, ? extends Number> features) {
        if (features == null) {
            throw new DataException("row", "is missing (null)");
        }
        List<String> names = featureNames();
        double[] row = new double[names.size()];
        for (int j = 0; j < row.length; j++) {
            Number v = features.get(names.get(j));
            if (v == null) {
                throw new DataException("row", (features.containsKey(names.get(j)) ? "the value of feature \""
                        + names.get(j) + "\" is null" : "has no feature \"" + names.get(j) + "\"")
                        + "; the model's features are " + String.join(", ", names));
            }
            row[j] = v.doubleValue();
        }
        return predict(row);
    }

    /**
     * Predicts many rows in batches; thread-safe.
     *
     * @return {@code rows.length} rows of every class's probability, in the order of {@link #classNames()}
     * @throws DataException naming the row (from 1) and column of a row of the wrong width or a value that is not
     *         finite
     * @throws IllegalStateException if the model is a regression (use {@link #predictValues(double[][])})
     */
    public double[][] predictProbabilities(double[][] rows) {
        double[][] out = new double[rows == null ? 0 : rows.length][classNames().size()];
        Predictor p = borrow();
        try {
            p.predictAll(rows, out, "x");
        } finally {
            idle.add(p);
        }
        return out;
    }

    /**
     * The probabilities of every row of a data set read for this model (for example a CSV file's rows by
     * {@link dev.plugnet.core.data.DatasetReader#unlabelled}).
     *
     * @return an (N, K) matrix of probabilities
     * @throws IllegalStateException if the model is a regression (use {@link #predictValues(Dataset)})
     */
    public Matrix predictProbabilities(Dataset data) {
        if (isRegression()) {
            throw new IllegalStateException("a regression predicts values, not class probabilities: use predictValues");
        }
        Samples samples = Samples.all(data, standardizer());
        Predictor p = borrow();
        try {
            return new Evaluator(256).outputs(p.network(), samples);
        } finally {
            idle.add(p);
        }
    }

    /**
     * Evaluates labelled rows whose labels are class names: loss, accuracy, per-class precision, recall and F1,
     * the confusion matrix (as {@code plugnet evaluate} does).
     *
     * @throws DataException naming the row and column of a bad value, or the row of a label that is not one of
     *         the model's classes
     */
    public Evaluation evaluate(double[][] x, String[] y) {
        return evaluate(new ArrayData("x", "y").forModel(checkpoint.preprocessing(), x, y));
    }

    /**
     * Evaluates labelled rows whose labels are class indices into {@link #classNames()}.
     *
     * @throws DataException naming the row and column of a bad value, or the row of an index out of range
     */
    public Evaluation evaluate(double[][] x, int[] y) {
        return evaluate(new ArrayData("x", "y").forModel(checkpoint.preprocessing(), x, y));
    }

    /** @return whether the model is a regression: its outputs are target values, named by {@link #classNames()} */
    public boolean isRegression() {
        return preprocessing().regression();
    }

    /**
     * A regression's predictions for every row of a data set read for this model, in the targets' own units.
     *
     * @return an (N, m) matrix, column {@code j} the target {@code classNames().get(j)}
     * @throws IllegalStateException if the model is a classifier (use {@link #predictProbabilities(Dataset)})
     */
    public Matrix predictValues(Dataset data) {
        if (!isRegression()) {
            throw new IllegalStateException("a classifier predicts probabilities, not values");
        }
        Samples samples = Samples.all(data, standardizer());
        Predictor p = borrow();
        try {
            return Evaluator.unstandardised(new Evaluator(256).outputs(p.network(), samples), preprocessing().targets());
        } finally {
            idle.add(p);
        }
    }

    /**
     * A regression's predictions for rows of features (not standardised), in the targets' own units.
     *
     * @return one row of target values per row of {@code rows}
     * @throws DataException naming the row and column of a row of the wrong width or a value that is not finite
     */
    public double[][] predictValues(double[][] rows) {
        Matrix m = predictValues(new dev.plugnet.core.data.ArrayData("x", "y").unlabelled(preprocessing(), rows));
        double[][] out = new double[m.rows()][m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                out[i][j] = m.get(i, j);
            }
        }
        return out;
    }

    /**
     * Evaluates a labelled data set read for this model (for example a CSV file's rows); for a regression, MAE,
     * RMSE and R² in the targets' units ({@link Evaluation#regression()}). Evaluating reports the loss, so the
     * loss's plugin must be installed (prediction needs only the layers' and activations').
     *
     * @throws dev.plugnet.core.checkpoint.MissingPluginsException naming the loss's plugin if it is not installed
     */
    public Evaluation evaluate(Dataset data) {
        CheckpointReader.requireLoss(checkpoint, plugnet.registry(), source);
        Samples samples = Samples.all(data, preprocessing());
        Predictor p = borrow();
        try {
            if (data.regression()) {
                return new Evaluation(null, new Evaluator(256).regression(p.network(), samples,
                        preprocessing().targets()));
            }
            return new Evaluation(new Evaluator(256).evaluate(p.network(), samples, classNames(),
                    ClassOrder.positiveIndex(classNames(), spec().training().positiveClass())));
        } finally {
            idle.add(p);
        }
    }

    /**
     * Saves the model as a checkpoint file, atomically (a crash leaves the old file or the new one).
     *
     * @throws CheckpointException if it cannot be written; an existing file is then unchanged
     */
    public void save(Path file) {
        plugnet.checkpointWriter().write(file, checkpoint);
    }

    /**
     * Writes the model's checkpoint to a stream, as UTF-8 JSON; the stream is flushed, not closed.
     *
     * @throws CheckpointException if the stream fails
     */
    public void save(OutputStream out) {
        try {
            out.write(toJson().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new CheckpointException("output stream", "cannot be written: " + e.getMessage(), e);
        }
    }

    /** @return the model's checkpoint as JSON text (what {@link #save(Path)} writes), checksum included */
    public String toJson() {
        return plugnet.checkpointWriter().toJson(checkpoint);
    }

    /** @return the checkpoint this model saves; its matrices must not be changed */
    Checkpoint checkpoint() {
        return checkpoint;
    }

    private Predictor borrow() {
        Predictor p = idle.poll();
        return p != null ? p : newPredictor();
    }

    @Override
    public String toString() {
        return "TrainedModel[" + spec().name() + ", features " + featureNames() + ", classes " + classNames()
                + ", " + history().size() + " epochs]";
    }
}
