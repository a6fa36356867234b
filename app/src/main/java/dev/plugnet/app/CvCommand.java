package dev.plugnet.app;

import dev.plugnet.core.CrossValidation;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.TrainingRequest;
import dev.plugnet.core.data.CsvTable;
import dev.plugnet.core.data.CsvTableReader;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.data.DatasetReader;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.network.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code plugnet cv}: k-fold cross-validation of a model on a CSV data set. */
@Command(name = "cv", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cross-validates a model: the rows are dealt into K folds (seeded by the model's seed;"
                + " stratified by class for a classifier); for each fold a fresh model is trained on the other folds"
                + " (with early stopping on validation rows split off them, as train does) and evaluated on the fold"
                + " it did not see.",
            "Prints one line per fold, then the mean ± standard deviation (n − 1) of each metric: accuracy, macro"
                + " F1, balanced accuracy, loss (and ROC-AUC for two classes); MAE, RMSE, R² (in the targets' own"
                + " units) and loss for a regression. Writes no checkpoint.",
            "Each fold trains with the config's \"training\" section; the training flags below override it as they"
                + " do for train."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:cross-validated", "1:training met a non-finite loss or gradient",
            "2:bad usage or bad input (config, data)"})
final class CvCommand implements Callable<Integer> {
    @ParentCommand
    PlugnetCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Model file, or a bundled example: thyroid, iris or friedman (a regression) (default: thyroid).")
    String config;

    @Option(names = "--data", paramLabel = "CSV", description = "CSV with a header (default: the bundled example's).")
    String data;

    @Option(names = "--folds", paramLabel = "K", description = "Number of folds (default 5).")
    int folds = 5;

    @Mixin
    TrainingFlags flags;

    @Option(names = "--json", description = "Print the folds and the summary as JSON.")
    boolean json;

    @Override
    public Integer call() {
        try {
            return crossValidate();
        } finally {
            flags.close();
        }
    }

    private Integer crossValidate() {
        PrintWriter out = spec.commandLine().getOut();
        Plugnet plugnet = parent.plugnet();
        if (folds < 2) {
            throw new ParameterException(spec.commandLine(), "--folds must be at least 2, got " + folds);
        }
        flags.validate();
        ConfigArgument c = ConfigArgument.read(config, plugnet);
        ModelSpec model = flags.applyTo(c.spec(), true, null);
        var t = model.training();
        Optional<BundledExample> example = c.example();
        String dataName = data != null ? data : example.map(BundledExample::exampleName).orElse(null);
        if (dataName == null) {
            throw new ParameterException(spec.commandLine(), "--data CSV is required with a config file"
                    + " (bundled examples bring their own: " + BundledExample.names() + ")");
        }
        CsvTable table = DataArgument.read(dataName, new CsvTableReader());
        boolean regression = Task.of(model, plugnet.registry()) == Task.REGRESSION;
        flags.checkMonitor(regression);
        Dataset dataset = new DatasetReader().forTraining(table, t, regression);
        PrintWriter info = json ? spec.commandLine().getErr() : out;
        info.printf(Locale.ROOT, "plugnet cv: model %s, data %s, %d rows, %d %s folds (seed %d)%n", model.name(),
                table.source(), dataset.size(), folds, regression ? "shuffled" : "stratified", model.seed());
        info.printf(Locale.ROOT, "each fold: up to %d epochs, batch size %d, optimizer %s, validation fraction %s, %s%n",
                t.epochs(), t.batchSize(), model.optimizer().type(), t.validationFraction(), t.earlyStopping()
                        ? "early stopping on the " + t.monitor().replace('_', ' ') + " (patience " + t.patience()
                        + (t.minDelta() > 0 ? ", min delta " + t.minDelta() : "") + ")"
                        : "no early stopping (the last epoch's weights are kept)");
        info.flush();
        TrainingRequest request = TrainingRequest.of(model, dataset).withDataWhere(table.whereHeader())
                .withDataName(dataName).withCompute(flags.backend(plugnet, model));
        CrossValidation.Result result = CrossValidation.run(plugnet, request, folds, fold -> {
                    info.printf(Locale.ROOT, "fold %d/%d: %d train, %d test rows, kept epoch %d: %s%n", fold.fold(),
                            folds, fold.trainRows(), fold.testRows(), fold.bestEpoch(), line(fold.metrics()));
                    info.flush();
                });
        if (json) {
            ObjectNode root = plugnet.json().createObjectNode();
            root.put("model", model.name());
            root.put("data", table.source());
            root.put("folds", folds);
            ArrayNode each = root.putArray("per_fold");
            for (CrossValidation.Fold f : result.folds()) {
                ObjectNode n = each.addObject();
                n.put("fold", f.fold());
                n.put("train_rows", f.trainRows());
                n.put("test_rows", f.testRows());
                n.put("best_epoch", f.bestEpoch());
                f.metrics().forEach(n::put);
            }
            ObjectNode summary = root.putObject("summary");
            for (CrossValidation.Summary s : result.summaries()) {
                summary.putObject(s.name()).put("mean", s.mean()).put("std", s.std());
            }
            out.println(plugnet.json().writeValueAsString(root));
        } else {
            StringBuilder sb = new StringBuilder("mean ± std:");
            for (CrossValidation.Summary s : result.summaries()) {
                sb.append(String.format(Locale.ROOT, " %s %.4f ± %.4f,", s.name(), s.mean(), s.std()));
            }
            out.println(sb.substring(0, sb.length() - 1));
        }
        return ExitCodes.OK;
    }

    private static String line(Map<String, Double> metrics) {
        StringBuilder sb = new StringBuilder();
        metrics.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.4f", v)));
        return sb.toString();
    }
}
