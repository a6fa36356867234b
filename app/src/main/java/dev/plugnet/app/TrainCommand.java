package dev.plugnet.app;

import dev.plugnet.api.PlugnetException;
import dev.plugnet.api.ConfigException;
import dev.plugnet.core.Evaluation;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.TrainingOutcome;
import dev.plugnet.core.TrainingPlan;
import dev.plugnet.core.TrainingRequest;
import dev.plugnet.core.TrainingRun;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.checkpoint.CheckpointSource;
import dev.plugnet.core.text.Printable;
import dev.plugnet.core.train.ResumeRules;
import dev.plugnet.core.data.CsvTable;
import dev.plugnet.core.data.CsvTableReader;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.data.DatasetReader;
import dev.plugnet.core.files.OutputKind;
import dev.plugnet.core.files.OutputTarget;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.model.TrainingSpec;
import dev.plugnet.core.model.InferredWidths;
import dev.plugnet.core.network.Network;
import dev.plugnet.core.network.Task;
import dev.plugnet.core.train.ClassWeights;
import dev.plugnet.core.train.History;
import dev.plugnet.core.train.TrainingFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code plugnet train}: trains a model on a CSV data set and writes a checkpoint. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a model on a CSV data set: a seeded train/validation/test split (stratified for a"
                + " classifier), standardisation fitted on the training rows, shuffled minibatches, early stopping on"
                + " the validation loss (on by default, patience 20, the best epoch's weights restored; --monitor"
                + " picks another figure), then a report on the held-out test rows and a checkpoint.",
            "Each epoch records the train and validation loss, and the accuracy of a classifier or the MAE, RMSE"
                + " and R² (in the targets' own units) of a regression, in the report, the checkpoint's history and"
                + " the --plot.",
            "Classes are sorted (numbers numerically, other names by Unicode code point) unless training.classes"
                + " lists them; for two classes the second is positive unless training.positive_class names it.",
            "With no arguments it trains the bundled 5-4-3 thyroid network on the bundled new-thyroid data.",
            "Settings come from the config's \"training\" section; flags override them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:trained and saved", "1:training met a non-finite loss or gradient (the last good"
                + " checkpoint is kept)", "2:bad usage or bad input (config, data, checkpoint)"})
final class TrainCommand implements Callable<Integer> {
    @ParentCommand
    PlugnetCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Model file, or a bundled example: thyroid, iris or friedman (a regression) (default: thyroid).")
    String config;

    @Option(names = "--data", paramLabel = "CSV",
            description = "CSV with a header; the label column is the config's training.label or the last."
                    + " Default: the bundled example's data set.")
    String data;

    @Mixin
    TrainingFlags flags;

    @Option(names = "--validation-data", paramLabel = "CSV",
            description = "Validate on the rows of this file instead of splitting them off --data (its columns are"
                    + " matched by name; it needs the same features and label column, and classes the training data"
                    + " has).")
    String validationData;

    @Option(names = "--test-data", paramLabel = "CSV",
            description = "Report on the rows of this file instead of holding a test fraction out of --data (columns"
                    + " matched by name, as --validation-data).")
    String testData;

    @Option(names = "--out", paramLabel = "CHECKPOINT", converter = OutputPathConverter.class,
            description = "Checkpoint to write (an existing checkpoint is replaced; any other file only with"
                    + " --force; never a device, a folder or an input). Default: runs/NAME.json, or"
                    + " runs/NAME-2.json and so on: an existing file is never overwritten unless named here.")
    Path out;

    @Option(names = "--force", description = "Replace an existing --out, --plot or --history file even if it is not"
            + " plugnet's own (never a device, a folder or one of the inputs).")
    boolean force;

    @Option(names = "--test-fraction", paramLabel = "X",
            description = "Share of rows held out for the test (0 to " + TrainingSpec.MAX_FRACTION + ").")
    Double testFraction;

    @Option(names = "--resume", paramLabel = "CHECKPOINT",
            description = "Continue the run saved in CHECKPOINT: its config, weights, optimizer state, standardisation"
                    + " and history.")
    Path resume;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Also write the checkpoint after every N epochs, atomically, so that a run that is killed"
                    + " loses at most N epochs (resume it with --resume). Default 0: only at the end.")
    int checkpointEvery;

    @Option(names = "--history", paramLabel = "FILE.csv", converter = OutputPathConverter.class,
            description = "Also write every epoch's figures to this CSV file as each epoch ends (one line per"
                    + " epoch, appended and flushed; a resumed run continues the file). The checkpoint keeps every"
                    + " epoch up to " + History.MAX_ENTRIES + ", then a thinned, evenly spaced record of at most"
                    + " that many, with the first, the kept and the last epochs.")
    Path historyFile;

    @Option(names = "--json", description = "Print the final report as JSON on standard output (progress goes to"
            + " standard error).")
    boolean json;

    @Option(names = "--plot", paramLabel = "FILE.png", converter = OutputPathConverter.class,
            description = "Also write the curves per epoch as a PNG: the loss (log scale) and the accuracy, or for a"
                    + " regression the loss, RMSE and MAE and R², with the kept epoch and the stop marked.")
    Path plot;

    /** Appends each epoch to {@code --history}; closed when {@link #call()} returns. */
    private dev.plugnet.core.HistoryLog historyLog;

    /** Ctrl-C or SIGTERM cancels the run, which keeps its best epoch; closed when {@link #call()} returns. */
    private InterruptSave interrupt;

    @Override
    public Integer call() {
        try {
            return train();
        } finally {
            if (interrupt != null) {
                interrupt.close();
                interrupt = null;
            }
            if (historyLog != null) {
                dev.plugnet.core.HistoryLog log = historyLog;
                historyLog = null;
                log.close();
            }
            flags.close();
        }
    }

    private Integer train() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter info = json ? err : out;
        Plugnet plugnet = parent.plugnet();
        validateFlags();

        // the model: a resumed checkpoint, a config file, or a bundled example
        Checkpoint resumed = resume == null ? null : resumable(plugnet, err);
        if (resumed != null) {
            plugnet.warnAboutPluginVersions(resumed, resume.toString());
        }
        Optional<BundledExample> example = Optional.empty();
        ModelSpec model;
        if (resumed != null) {
            if (config != null) {
                throw new ParameterException(spec.commandLine(), "--resume takes the config from the checkpoint;"
                        + " leave out --config");
            }
            model = resumed.config();
            if (flags.optimizer != null && !flags.optimizer.equals(model.optimizer().type())) {
                throw new ParameterException(spec.commandLine(), "--optimizer " + flags.optimizer + ": a resumed run"
                        + " keeps its optimizer (" + model.optimizer().type() + ") and its state");
            }
        } else {
            ConfigArgument c = ConfigArgument.read(config, plugnet);
            model = c.spec();
            example = c.example();
        }
        model = applyOverrides(model);
        try {
            plugnet.assembler().requireOptimizer(model);
        } catch (ConfigException e) {
            throw new ConfigException(config + " " + e.location(), e.problem() + " (or pass --optimizer NAME)");
        }
        if (resumed != null) {
            ResumeRules.requireSameSplit(resumed.config(), model, "--resume " + resume);
            ResumeRules.requireSameData(resumed.data(), data, "--resume " + resume);
        }

        // the data
        String dataName = data != null ? data : resumed != null ? resumed.data()
                : example.map(BundledExample::exampleName).orElse(null);
        if (dataName == null) {
            throw new ParameterException(spec.commandLine(), "--data CSV is required with a config file"
                    + " (bundled examples bring their own: " + BundledExample.names() + ")");
        }
        // where the checkpoint goes, decided before any work so that a bad path fails fast
        Path checkpointFile = this.out != null ? this.out : OutputFiles.freshCheckpoint(model.name());
        checkOutputs(checkpointFile, dataName);

        CsvTable table = DataArgument.read(dataName, new CsvTableReader());
        DatasetReader datasets = new DatasetReader();
        Task task = Task.of(model, plugnet.registry());
        flags.checkMonitor(task == Task.REGRESSION);
        Dataset dataset = resumed != null ? datasets.forModel(table, resumed.preprocessing())
                : datasets.forTraining(table, model.training(), task == Task.REGRESSION);
        Dataset validationRows = validationData == null ? null
                : datasets.like(DataArgument.read(validationData, new CsvTableReader()), dataset);
        Dataset testRows = testData == null ? null
                : datasets.like(DataArgument.read(testData, new CsvTableReader()), dataset);
        boolean inferred = resumed == null && InferredWidths.of(plugnet.registry()).open(model);
        PrintStream terminal = Terminals.interactive() ? (json ? System.err : System.out) : null;
        ProgressPrinter progress = new ProgressPrinter(info, terminal);
        interrupt = new InterruptSave(System.err);
        dev.plugnet.core.train.TrainingListener listener = progress;
        if (historyFile != null) {
            historyLog = new dev.plugnet.core.HistoryLog(progress, historyFile, "--history " + historyFile);
            listener = historyLog;
        }
        TrainingRequest request = TrainingRequest.of(model, dataset).withDataWhere(table.whereHeader())
                .withDataName(dataName).withCompute(flags.backend(plugnet, model))
                .withCheckpoints(checkpointFile, checkpointEvery)
                .withListener(listener).withCancellation(historyLog == null ? interrupt.signal()
                        : historyLog.stopOnFailure(interrupt.signal())).withValidation(validationRows)
                .withTest(testRows);
        if (resumed != null) {
            request = request.withResume(resumed, resume.toString()).withEpochs(flags.epochs);
        }
        TrainingRun run = prepare(plugnet, request);
        TrainingPlan plan = run.plan();
        if (resumed != null && plan.epochs() == 0) {
            throw new ParameterException(spec.commandLine(), "the run in " + resume + " has done its "
                    + plan.previousEpochs() + " epochs; give --epochs N to train N more");
        }

        TrainingSpec t = model.training();
        info.printf(Locale.ROOT, "plugnet train: %s%n", describe(model, example, dataName));
        info.printf(Locale.ROOT, "data: %s, %d rows, %d features, %s %s; split %d train / %d validation /"
                        + " %d test (seed %d)%n", table.source(), dataset.size(), dataset.featureNames().size(),
                dataset.regression() ? "target" + (dataset.labelNames().size() == 1 ? "" : "s") : "classes",
                String.join(", ", dataset.labelNames()), plan.trainRows(), plan.validationRows(), plan.testRows(),
                model.seed());
        info.printf(Locale.ROOT, "task: %s%n", dataset.regression()
                ? "regression (the loss " + model.loss().type() + " on a linear output predicts numbers); targets"
                + " standardised on the training rows, reported in their own units"
                : "classification into " + dataset.labelNames().size() + " classes (the loss " + model.loss().type()
                + " and the output give class probabilities)");
        info.printf(Locale.ROOT, "network: %s%s%n", networkLine(plan.network()), inferred ? " (widths from the data)" : "");
        info.printf(Locale.ROOT, "backward tail: %s%n", plan.network().backwardPath());
        if (plan.spec().loss().options().get(ClassWeights.OPTION) instanceof java.util.List<?> weights) {
            StringBuilder line = new StringBuilder("class weights:");
            for (int k = 0; k < weights.size(); k++) {
                line.append(k == 0 ? " " : ", ").append(dataset.labelNames().get(k)).append(' ')
                        .append(String.format(Locale.ROOT, "%.4g", ((Number) weights.get(k)).doubleValue()));
            }
            info.println(line);
        }
        info.printf(Locale.ROOT, "training: %d epochs%s, batch size %d, optimizer %s (learning rate %s)%s%s%n",
                plan.epochs(), resumed != null ? " more (from epoch " + (plan.previousEpochs() + 1) + ")" : "",
                t.batchSize(), model.optimizer().type(), plan.learningRate(),
                t.earlyStopping() ? ", early stopping on the " + t.monitor().replace('_', ' ') + " (patience "
                        + t.patience() + (t.minDelta() > 0 ? ", min delta " + t.minDelta() : "") + ")"
                        : ", no early stopping (patience 0: the last epoch's weights are kept)",
                t.schedule() != null ? ", schedule " + t.schedule().type() : "");
        info.flush();

        TrainingOutcome outcome;
        try {
            outcome = run.run();
            progress.finish();
        } catch (TrainingFailedException e) {
            progress.finish();
            History kept = e.result().history();
            if (kept.size() > plan.previousEpochs()) {
                err.printf(Locale.ROOT, "plugnet: kept the last good checkpoint (epoch %d) in %s%n",
                        kept.bestEpoch(), checkpointFile);
            } else {
                err.printf(Locale.ROOT, "plugnet: no epoch finished, so no checkpoint was written%n");
            }
            throw e;
        }

        History history = outcome.history();
        if (historyLog != null && historyLog.failure() != null) {
            dev.plugnet.api.PlugnetException failure = historyLog.failure();
            throw new dev.plugnet.core.files.WriteFailedException(failure.location(), failure.problem()
                    + String.format(Locale.ROOT, "; training stopped after epoch %d and kept epoch %d in %s"
                    + " (continue with --resume %s)", history.size(), history.bestEpoch(), checkpointFile,
                    checkpointFile), failure);
        }
        if (outcome.cancelled()) {
            if (outcome.epochsRun() > 0) {
                err.printf(Locale.ROOT, "plugnet: interrupted; kept epoch %d (%s of the %d finished) in %s"
                                + " (continue with --resume %s)%n", history.bestEpoch(),
                        t.earlyStopping() ? "the best" : "the last", history.size(), checkpointFile, checkpointFile);
            } else {
                err.printf(Locale.ROOT, "plugnet: interrupted before the first epoch finished; nothing was saved%n");
            }
            err.flush();
        }
        Evaluation tested = outcome.test();
        HeldOutReport test = tested == null ? null : tested.isRegression()
                ? new RegressionReport("held-out test", dataset.labelNames(), tested.regression())
                : new EvaluationReport("held-out test", tested.details());
        if (plot != null) {
            CurvesPlot.write(plot, history, model.name(), table.source());
        }
        TrainReport report = new TrainReport(model.name(), dataName, checkpointFile, plot, history,
                outcome.epochsRun(), outcome.seconds(), t.batchSize(), outcome.throughput(), test,
                flags.backend(plugnet, model));
        if (json) {
            out.println(plugnet.json().writeValueAsString(report.toJson()));
        } else {
            report.print(out);
        }
        return ExitCodes.OK;
    }

    /** @return the run prepared, a config error (a schedule that does not fit the learning rate) naming the file */
    private TrainingRun prepare(Plugnet plugnet, TrainingRequest request) {
        try {
            return TrainingRun.prepare(plugnet, request);
        } catch (ConfigException e) {
            String flag = flags.flagSetting(e.location());
            if (flag != null) {
                throw new ConfigException(flag, e.problem());
            }
            throw config == null || resume != null || e.location().startsWith(config) ? e
                    : new ConfigException(config + " " + e.location(), e.problem());
        }
    }

    /**
     * @return the checkpoint to resume, read for training; a format-1 file (no checksum) is refused: it cannot be
     *         verified, and a resumed run would seal it
     */
    private Checkpoint resumable(Plugnet plugnet, PrintWriter err) {
        CheckpointSource source = plugnet.checkpointReader().open(resume);
        if (!source.verified()) {
            err.println("plugnet: warning: " + source.warning());
            throw new PlugnetException("--resume " + resume, "a format-1 checkpoint cannot be verified, so a run is"
                    + " not resumed from it (it is read for evaluate, predict and explain only)");
        }
        return source.checkpoint();
    }

    private void validateFlags() {
        flags.validate();
        if (checkpointEvery < 0) {
            bad("--checkpoint-every must be 0 (only at the end) or a positive number of epochs, got " + checkpointEvery);
        }
        if (testFraction != null && !(testFraction >= 0 && testFraction <= TrainingSpec.MAX_FRACTION)) {
            bad("--test-fraction must be from 0 to " + TrainingSpec.MAX_FRACTION + ", got " + testFraction);
        }
    }

    /**
     * The checkpoint and the plot: never a device, a folder or an input (the config, the data, the plugins;
     * the plot not the resumed checkpoint either, while the checkpoint may replace it: it carries its history
     * on), and an existing file only if it is plugnet's file of that kind or {@code --force} is given.
     */
    private void checkOutputs(Path checkpointFile, String dataName) {
        OutputFiles.refuseStandardOutput(out, "--out", "a checkpoint");
        OutputFiles.refuseStandardOutput(plot, "--plot", "the plot");
        OutputFiles.refuseStandardOutput(historyFile, "--history", "the history");
        OutputFiles.Inputs inputs = new OutputFiles.Inputs().add("--config", config).add("--data", dataName)
                .add("--validation-data", validationData).add("--test-data", testData).addAll(parent.pluginInputs());
        List<OutputFiles.Output> outputs = new ArrayList<>();
        outputs.add(new OutputFiles.Output(new OutputTarget(checkpointFile, OutputKind.CHECKPOINT, "--out"),
                inputs.list()));
        if (plot != null) {
            outputs.add(new OutputFiles.Output(new OutputTarget(plot, OutputKind.PNG, "--plot"),
                    inputs.add("--resume", resume).list()));
        }
        if (historyFile != null) {
            outputs.add(new OutputFiles.Output(new OutputTarget(historyFile, OutputKind.HISTORY, "--history"),
                    inputs.add("--resume", resume).list()));
        }
        OutputFiles.check(force, outputs);
    }

    private void bad(String message) {
        throw new ParameterException(spec.commandLine(), message);
    }

    private ModelSpec applyOverrides(ModelSpec model) {
        TrainingSpec t = model.training();
        double validation = flags.validationFraction != null ? flags.validationFraction : t.validationFraction();
        double test = testFraction != null ? testFraction : t.testFraction();
        if (validation + test >= TrainingSpec.MAX_HELD_OUT) {
            bad("--validation-fraction + --test-fraction must leave rows to train on (below "
                    + TrainingSpec.MAX_HELD_OUT + "), got "
                    + (validation + test));
        }
        if (resume != null) {
            if (flags.label != null) {
                bad("--label: a resumed run keeps its label column");
            }
            if (flags.learningRate != null) {
                bad("--learning-rate: a resumed run keeps its learning rate and schedule");
            }
            if (flags.seed != null) {
                bad("--seed: a resumed run keeps its seed (" + model.seed() + ")");
            }
            if (flags.classWeights != null) {
                bad("--class-weights: a resumed run keeps its loss and its class weights");
            }
            if (flags.features != null || flags.ignore != null) {
                bad("--features, --ignore: a resumed run keeps its columns");
            }
        }
        return flags.applyTo(model, resume == null, testFraction);
    }

    private static String describe(ModelSpec model, Optional<BundledExample> example, String dataName) {
        return "model " + Printable.of(model.name()) + example.map(e -> " (bundled example \"" + e.exampleName() + "\")").orElse("")
                + ", data " + dataName;
    }

    private static String networkLine(Network network) {
        StringBuilder sb = new StringBuilder().append(network.inputs());
        network.stages().forEach(s -> sb.append("-").append(s.layer().outputWidth()));
        sb.append(" (");
        network.stages().forEach(s -> sb.append(s.layerType()).append(s.activationName() == null ? ""
                : "+" + s.activationName()).append(", "));
        sb.append(network.lossName()).append("), ").append(network.parameterCount()).append(" parameters");
        return sb.toString();
    }
}
