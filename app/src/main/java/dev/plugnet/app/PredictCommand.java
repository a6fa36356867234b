package dev.plugnet.app;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.TrainedModel;
import dev.plugnet.core.checkpoint.AtomicFiles;
import dev.plugnet.core.data.CsvTable;
import dev.plugnet.core.data.CsvTableReader;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.data.DatasetReader;
import dev.plugnet.core.files.OutputKind;
import dev.plugnet.core.files.OutputTarget;
import dev.plugnet.core.metrics.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code plugnet predict}: the class and class probabilities of each row of a CSV file. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predicts each row of a CSV file with a checkpoint: the most probable class and the"
                + " probability of every class, as CSV (columns: row, predicted, then one p_CLASS per class).",
            "Probabilities are written in Java's round-trip form (for example 0.9999999999987654 or 1.2E-17), so each"
                + " reads back as exactly the value the network computed.",
            "For a regression: the predicted value of every target (columns: row, then one predicted_TARGET per"
                + " target), in the targets' own units.",
            "The CSV needs the model's feature columns by name; a label column, if present, is ignored."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:predicted", "2:bad usage or bad input (checkpoint, data)"})
final class PredictCommand implements Callable<Integer> {
    @ParentCommand
    PlugnetCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "CHECKPOINT", description = "A checkpoint written by train.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "CSV",
            description = "CSV file with the model's feature columns (or a bundled data set: thyroid, iris, friedman).")
    String data;

    @Option(names = "--out", paramLabel = "CSV", converter = OutputPathConverter.class,
            description = "Write the predictions here, atomically, instead of standard output (- is standard"
                    + " output). An existing file is replaced only if it holds plugnet predictions, or with --force;"
                    + " never a device, a folder, the model or the data.")
    Path out;

    @Option(names = "--force", description = "Replace an existing --out file even if it is not plugnet's own.")
    boolean force;

    @Override
    public Integer call() {
        Plugnet plugnet = parent.plugnet();
        if (OutputFiles.isStandardOutput(out)) {
            out = null;
        }
        if (out != null) {
            OutputFiles.check(force, List.of(new OutputFiles.Output(new OutputTarget(out, OutputKind.PREDICTIONS,
                    "--out"), new OutputFiles.Inputs().add("--model", model).add("--data", data)
                    .addAll(parent.pluginInputs()).list())));
        }
        TrainedModel trained = plugnet.load(model, warning -> spec.commandLine().getErr().println("plugnet: warning: " + warning));
        CsvTable table = DataArgument.read(data, new CsvTableReader());
        Dataset dataset = new DatasetReader().unlabelled(table, trained.preprocessing());
        List<String> labels = trained.classNames();
        Matrix p = trained.isRegression() ? trained.predictValues(dataset) : trained.predictProbabilities(dataset);
        String csv = trained.isRegression() ? PredictionCsv.values(labels, p)
                : PredictionCsv.of(labels, p, Evaluator.predictions(p), null, null);
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(csv);
            stdout.flush();
        } else {
            try {
                AtomicFiles.write(out, csv.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw dev.plugnet.core.files.WriteFailedException.of("--out " + out, e);
            }
            spec.commandLine().getErr().printf(Locale.ROOT, "predict: %d rows written to %s%n", p.rows(), out);
        }
        return ExitCodes.OK;
    }

    /** @return {@code value} as a CSV cell that is safe to open in a spreadsheet ({@link CsvCells}) */
    static String cell(String value) {
        return CsvCells.cell(value);
    }
}
