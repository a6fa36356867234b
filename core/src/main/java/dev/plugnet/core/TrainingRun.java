package dev.plugnet.core;

import dev.plugnet.core.text.Printable;
import dev.plugnet.core.train.LearningRateSchedule;

import dev.plugnet.api.MatrixProducts;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.checkpoint.CheckpointWriter;
import dev.plugnet.core.data.ClassOrder;
import dev.plugnet.core.data.DataException;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.data.PreparedData;
import dev.plugnet.core.data.Samples;
import dev.plugnet.core.metrics.Evaluator;
import dev.plugnet.core.model.InferredWidths;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.model.TrainingSpec;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.ModelState;
import dev.plugnet.core.train.ClassWeights;
import dev.plugnet.core.train.History;
import dev.plugnet.core.train.Trainer;
import dev.plugnet.core.train.TrainingFailedException;
import dev.plugnet.core.train.TrainingListener;
import dev.plugnet.core.train.TrainingResult;
import dev.plugnet.core.train.TrainingSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * The training use case, the one flow behind {@code plugnet train} and {@link Fit}: check the data against the
 * model, split it (stratified, seeded) and standardise it with the training rows' statistics (or the resumed
 * run's), assemble the model (restoring a resumed run's weights, optimizer state and history), train with early
 * stopping, periodic checkpoints and cancellation, keep the last good checkpoint when training fails, write the
 * final checkpoint, and report on the held-out test rows.
 *
 * <pre>{@code
 * TrainingRun run = TrainingRun.prepare(plugnet, TrainingRequest.of(spec, data));   // every check of the input
 * print(run.plan());
 * TrainingOutcome outcome = run.run();
 * }</pre>
 */
public final class TrainingRun {
    private final Plugnet plugnet;
    private final TrainingRequest request;
    private final PreparedData prepared;
    private final AssembledModel model;
    private final History previous;
    private final TrainingPlan plan;
    private boolean ran;

    private TrainingRun(Plugnet plugnet, TrainingRequest request, PreparedData prepared, AssembledModel model,
                        History previous, int epochs) {
        this.plugnet = plugnet;
        this.request = request;
        this.prepared = prepared;
        this.model = model;
        this.previous = previous;
        this.plan = new TrainingPlan(model.spec(), request.data(), prepared.train().size(),
                prepared.validation().size(), prepared.test().size(), model.network(),
                model.optimizer().learningRate(), epochs, previous.size());
    }

    /**
     * Checks and prepares everything the run needs, so that bad input fails before any training.
     *
     * @throws DataException if the data does not fit the model (feature count, class count) or leaves no rows to
     *         train on; the location is {@link TrainingRequest#dataWhere()}
     * @throws dev.plugnet.api.ConfigException if the model cannot be assembled
     * @throws dev.plugnet.core.checkpoint.CheckpointException if the resumed checkpoint cannot be restored
     */
    public static TrainingRun prepare(Plugnet plugnet, TrainingRequest request) {
        ModelSpec spec = request.spec();
        Dataset data = request.data();
        TrainingSpec t = spec.training();
        Checkpoint resume = request.resume();
        if (resume != null) { // its plugins are named before anything is assembled from its config
            dev.plugnet.core.checkpoint.CheckpointReader.requireForTraining(resume, plugnet.registry(),
                    request.resumeSource());
        }
        if (resume == null) {
            spec = InferredWidths.of(plugnet.registry()).resolve(spec, data.featureNames().size(),
                    data.labelNames().size());
        }
        if (data.regression() && t.classes() != null) {
            throw new dev.plugnet.api.ConfigException("training.classes", "the model is a regression (its loss \""
                    + spec.loss().type() + "\" on a linear output predicts numbers), which has no classes; for a"
                    + " classifier use \"cross_entropy\" with a softmax output");
        }
        dev.plugnet.core.model.Monitor.require(t.monitor(), data.regression());
        String positive = t.positiveClass();
        if (positive != null && !data.labelNames().contains(positive)) {
            throw new DataException(request.dataWhere() + ", column \"" + data.labelColumn() + "\"",
                    "has no class \"" + positive + "\" (training.positive_class); classes: "
                    + String.join(", ", data.labelNames()));
        }
        if (positive != null && data.labelNames().size() != 2) {
            throw new DataException(request.dataWhere() + ", column \"" + data.labelColumn() + "\"",
                    "has " + data.labelNames().size() + " classes; training.positive_class names the positive"
                    + " class of a two-class problem only");
        }
        if (data.featureNames().size() != spec.inputs()) {
            throw new DataException(request.dataWhere(), "has " + data.featureNames().size() + " feature columns ("
                    + Printable.of(String.join(", ", data.featureNames())) + "), but the model "
                    + Printable.quoted(spec.name()) + " has " + spec.inputs() + " inputs");
        }
        Dataset validation = request.validation();
        Dataset test = request.test();
        double testFraction = request.holdOutTest() && test == null ? t.testFraction() : 0;
        PreparedData prepared = PreparedData.prepare(data, validation == null ? t.validationFraction() : 0,
                testFraction, spec.seed(), resume == null ? null : resume.preprocessing().standardizer(),
                resume == null ? null : resume.preprocessing().targets());
        if (validation != null) {
            if (!validation.featureNames().equals(data.featureNames())
                    || !validation.labelNames().equals(data.labelNames())) {
                throw new DataException(validation.source(), "has the features " + validation.featureNames()
                        + " and classes " + validation.labelNames() + "; expected those of the training data, "
                        + data.featureNames() + " and " + data.labelNames());
            }
            prepared = new PreparedData(data, prepared.split(), prepared.preprocessing(), prepared.train(),
                    Samples.all(validation, prepared.preprocessing()), prepared.test());
        }
        if (test != null) {
            if (!test.featureNames().equals(data.featureNames()) || !test.labelNames().equals(data.labelNames())) {
                throw new DataException(test.source(), "has the features " + test.featureNames()
                        + " and classes " + test.labelNames() + "; expected those of the training data, "
                        + data.featureNames() + " and " + data.labelNames());
            }
            prepared = new PreparedData(data, prepared.split(), prepared.preprocessing(), prepared.train(),
                    prepared.validation(), Samples.all(test, prepared.preprocessing()));
        }
        if (prepared.train().size() == 0) {
            throw new DataException(request.dataWhere(), "leaves no rows to train on");
        }
        if (resume == null) {
            spec = ClassWeights.apply(spec, data.labelNames(), prepared.train().labels(), plugnet.registry());
        }
        MatrixProducts compute = request.compute() != null ? request.compute() : plugnet.products();
        AssembledModel model = compute == null ? plugnet.assembler().assemble(spec)
                : plugnet.assembler().assemble(spec, compute);
        History previous = History.EMPTY;
        int epochs = request.epochs() != null ? request.epochs() : t.epochs();
        if (resume != null) {
            AssembledModel restored = plugnet.checkpointReader().restore(resume, plugnet.assembler(),
                    plugnet.registry(), request.resumeSource());
            ModelState.of(restored).restoreInto(model);
            previous = resume.history();
            epochs = request.epochs() != null ? request.epochs() : Math.max(0, t.epochs() - previous.size());
        }
        int outputs = model.network().outputs();
        if (outputs != data.labelNames().size()) {
            throw new DataException(request.dataWhere(), "has " + data.labelNames().size()
                    + (data.regression() ? " target column" + (data.labelNames().size() == 1 ? "" : "s") : " classes")
                    + " (" + Printable.of(String.join(", ", data.labelNames())) + "), but the model " + Printable.quoted(spec.name())
                    + " has "
                    + outputs + " outputs; give the last layer that many units, or leave its units out (\"auto\")");
        }
        LearningRateSchedule.check(t.schedule(), model.optimizer().learningRate());
        return new TrainingRun(plugnet, request, prepared, model, previous, epochs);
    }

    /** @return what the run will do */
    public TrainingPlan plan() {
        return plan;
    }

    /**
     * Trains. Runs once.
     *
     * <p>A cancelled run (see {@link Cancellation}) ends as a finished one does: the model holds the best epoch
     * so far and the checkpoint is written with it, unless no epoch of this run finished (then nothing is
     * written, so an earlier file stays as it was).
     *
     * @return the trained model and the run's figures
     * @throws TrainingFailedException if a loss or gradient became non-finite; when the request names a checkpoint
     *         file and an epoch of this run finished, the last good epoch's checkpoint has been written there
     * @throws dev.plugnet.core.checkpoint.CheckpointException if a checkpoint cannot be written
     */
    public TrainingOutcome run() {
        if (ran) {
            throw new IllegalStateException("a training run runs once");
        }
        ran = true;
        TrainingSpec t = request.spec().training();
        Trainer trainer = new Trainer(TrainingSettings.of(t, plan.epochs(), request.spec().seed()));
        Path file = request.checkpointFile();
        CheckpointWriter writer = plugnet.checkpointWriter();
        TrainingListener listener = request.listener();
        if (file != null && request.checkpointEvery() > 0) {
            listener = new PeriodicCheckpoints(listener, request.checkpointEvery(), previous.size(),
                    history -> writer.write(file, capture(history)));
        }
        long start = System.nanoTime();
        TrainingResult result;
        try {
            result = trainer.train(model, prepared.train(), prepared.validation(), previous, listener,
                    request.cancelled());
        } catch (TrainingFailedException e) {
            History kept = e.result().history();
            if (file != null && kept.size() > previous.size()) {
                writer.write(file, capture(kept));
            }
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        History history = result.history();
        Checkpoint checkpoint = capture(history);
        boolean nothingNew = result.cancelled() && history.size() == previous.size();
        if (file != null && !nothingNew) {
            writer.write(file, checkpoint);
        }
        Evaluation test = null;
        if (prepared.test().size() > 0 && request.data().regression()) {
            test = new Evaluation(null, new Evaluator(Math.max(t.batchSize(), 64)).regression(model.network(),
                    prepared.test(), prepared.preprocessing().targets()));
        } else if (prepared.test().size() > 0) {
            List<String> classes = request.data().labelNames();
            test = new Evaluation(new Evaluator(Math.max(t.batchSize(), 64)).evaluate(model.network(),
                    prepared.test(), classes, ClassOrder.positiveIndex(classes, t.positiveClass())));
        }
        return new TrainingOutcome(new TrainedModel(plugnet, checkpoint, null), history, result.throughput(),
                result.cancelled(), seconds, history.size() - previous.size(), test);
    }

    private Checkpoint capture(History history) {
        return Checkpoint.capture(model, plugnet.registry(), request.dataName(), prepared.preprocessing(), history);
    }
}
