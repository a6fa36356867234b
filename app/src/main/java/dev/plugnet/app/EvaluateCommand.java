package dev.plugnet.app;

import dev.plugnet.core.Plugnet;
import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.checkpoint.AtomicFiles;
import dev.plugnet.core.TrainedModel;
import dev.plugnet.core.data.CsvTable;
import dev.plugnet.core.data.CsvTableReader;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.data.DatasetReader;
import dev.plugnet.core.files.OutputKind;
import dev.plugnet.core.files.OutputTarget;
import dev.plugnet.core.metrics.ClassifierEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/** {@code plugnet evaluate}: how a trained model does on a labelled CSV file. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluates a checkpoint on every row of a labelled CSV file: accuracy, loss, macro F1 (over"
                + " the classes present in the truth or the predictions, as scikit-learn computes it), weighted F1,"
                + " balanced accuracy, for two classes ROC-AUC and PR-AUC (average precision) of the positive"
                + " class, per-class precision, recall and F1, and the confusion matrix with class names.",
            "For a regression: MAE, RMSE and R² in the targets' own units, and the loss.",
            "The CSV needs the model's feature columns (by name, in any order) and its label (or target) columns;"
                + " other columns are ignored. Features are standardised with the means and scales stored in the checkpoint."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:evaluated", "2:bad usage or bad input (checkpoint, data)"})
final class EvaluateCommand implements Callable<Integer> {
    @ParentCommand
    PlugnetCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "CHECKPOINT", description = "A checkpoint written by train.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "CSV",
            description = "Labelled CSV file (or a bundled data set: thyroid, iris, friedman).")
    String data;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--misclassified", paramLabel = "FILE.csv", converter = OutputPathConverter.class,
            description = "Also write the rows the model got wrong, as CSV: row (the data row, from 1), predicted,"
                    + " actual, then every class's probability (read back exactly). An existing file is replaced only"
                    + " if it holds plugnet predictions, or with --force.")
    Path misclassified;

    @Option(names = "--force", description = "Replace an existing --misclassified file even if it is not plugnet's own.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Plugnet plugnet = parent.plugnet();
        if (misclassified != null) {
            OutputFiles.refuseStandardOutput(misclassified, "--misclassified", "the misclassified rows are");
            OutputFiles.check(force, List.of(new OutputFiles.Output(new OutputTarget(misclassified,
                    OutputKind.PREDICTIONS, "--misclassified"), new OutputFiles.Inputs().add("--model", model)
                    .add("--data", data).addAll(parent.pluginInputs()).list())));
        }
        TrainedModel trained = plugnet.load(model, warning -> spec.commandLine().getErr().println("plugnet: warning: " + warning));
        CsvTable table = DataArgument.read(data, new CsvTableReader());
        Dataset dataset = new DatasetReader().forModel(table, trained.preprocessing());
        if (dataset.regression()) {
            if (misclassified != null) {
                throw new PlugnetException("--misclassified", "the model is a regression, whose rows are not right or"
                        + " wrong; predict writes every row's values");
            }
            print(out, plugnet, trained, table, new RegressionReport(table.source(), dataset.labelNames(),
                    trained.evaluate(dataset).regression()));
            return ExitCodes.OK;
        }
        ClassifierEvaluation evaluation = trained.evaluate(dataset).details();
        EvaluationReport report = new EvaluationReport(table.source(), evaluation);
        int[] labels = dataset.labels();
        int wrong = 0;
        if (misclassified != null) {
            int[] rows = IntStream.range(0, labels.length)
                    .filter(i -> evaluation.predicted()[i] != labels[i]).toArray();
            wrong = rows.length;
            String csv = PredictionCsv.of(dataset.labelNames(), evaluation.outputs(), evaluation.predicted(),
                    labels, rows);
            try {
                AtomicFiles.write(misclassified, csv.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw dev.plugnet.core.files.WriteFailedException.of("--misclassified " + misclassified, e);
            }
        }
        print(out, plugnet, trained, table, report);
        if (misclassified != null) {
            (json ? spec.commandLine().getErr() : out).printf(Locale.ROOT, "misclassified: %d rows written to %s%n",
                    wrong, misclassified);
        }
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, Plugnet plugnet, TrainedModel trained, CsvTable table, HeldOutReport report) {
        if (json) {
            ObjectNode root = plugnet.json().createObjectNode();
            root.put("model", model.toString());
            root.put("data", table.source());
            root.setAll(report.toJson());
            out.println(plugnet.json().writeValueAsString(root));
        } else {
            out.printf(Locale.ROOT, "model: %s (%s, trained %d epochs)%n", model, trained.spec().name(),
                    trained.history().size());
            report.print(out);
        }
    }
}
