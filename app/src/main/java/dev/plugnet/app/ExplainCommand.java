package dev.plugnet.app;

import dev.plugnet.api.Formulas;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Parameter;
import dev.plugnet.core.Explanation;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.data.CsvTableReader;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.data.DatasetReader;
import dev.plugnet.core.network.Task;
import dev.plugnet.core.data.Preprocessing;
import dev.plugnet.core.model.InferredWidths;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.network.Network;
import dev.plugnet.core.network.Stage;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code plugnet explain}: SPEC.md's forward pass and backward steps 1–8, with shapes and values. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs one forward and backward pass on a small batch and prints every value of SPEC.md by"
                + " name: the forward pass (x, a1, z, a2, s, t, L) and the backward steps 1–8 (dL/ds, dL/da2,"
                + " dL/db2, dL/dW2, dL/dz, dL/da1, dL/db1, dL/dW1) with their shapes, numbered as in SPEC.md;"
                + " deeper networks continue the numbering. It says which backward path ran: the generic one"
                + " (step 1 is the loss's dL/ds, step 2 the softmax Jacobian's product) or a fused shortcut"
                + " (steps 1–2 in one); --no-shortcut shows the generic path.",
            "The batch is the first N rows of the data (--data, or the bundled example a config or checkpoint was"
                + " trained on; a file named inside a checkpoint is never opened unless given as --data),"
                + " standardised; without data, seeded random rows.",
            "A config that leaves its widths to the data (inputs, the last layer's units: \"auto\" or left out) takes"
                + " them from the data's columns, as train does; such a config needs data (--data, or a bundled"
                + " example's own)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained", "1:the generic path met a value that is not finite",
            "2:bad usage or bad input"})
final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    PlugnetCommand parent;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--model", paramLabel = "CHECKPOINT", description = "A checkpoint written by train.")
        Path model;

        @Option(names = "--config", paramLabel = "FILE", description = "A model file, or a bundled example: thyroid,"
                + " iris or friedman (initial weights from its seed).")
        String config;
    }

    @Option(names = "--data", paramLabel = "CSV", description = "Take the batch (and the widths a config leaves to the"
            + " data) from this CSV file.")
    String data;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "2", description = "Rows in the batch (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--no-shortcut", description = "Show the generic steps 1 and 2 even if a fused shortcut is installed.")
    boolean noShortcut;

    private PrintWriter out;
    private int step;
    private PluginFormulas formulas;

    @Override
    public Integer call() {
        if (rows < 1 || rows > 1000) {
            throw new ParameterException(spec.commandLine(), "--rows must be from 1 to 1000, got " + rows);
        }
        out = spec.commandLine().getOut();
        Plugnet plugnet = parent.plugnet();
        ModelSpec model;
        Network network;
        Preprocessing preprocessing = null;
        String dataName = data;
        String origin;
        if (source.model != null) {
            Checkpoint checkpoint = plugnet.checkpointReader().forInference().open(source.model)
                    .checkpoint(warning -> spec.commandLine().getErr().println("plugnet: warning: " + warning));
            model = checkpoint.config();
            preprocessing = checkpoint.preprocessing();
            if (dataName == null) {
                dataName = DataArgument.bundledOnly(checkpoint.data());
            }
            origin = "checkpoint " + source.model + " (trained " + checkpoint.history().size() + " epochs)";
            network = Explanation.network(plugnet, checkpoint, noShortcut, source.model.toString());
        } else {
            ConfigArgument c = ConfigArgument.read(source.config, plugnet);
            model = c.spec();
            if (dataName == null) {
                dataName = c.example().map(BundledExample::exampleName).orElse(null);
            }
            origin = "config " + source.config + " (initial weights, seed " + model.seed() + ")";
            network = null;
        }

        Dataset dataset = null;
        String dataWhere = null;
        if (dataName != null) {
            var table = DataArgument.read(dataName, new CsvTableReader());
            DatasetReader reader = new DatasetReader();
            dataset = preprocessing != null ? reader.forModel(table, preprocessing)
                    : reader.forTraining(table, model.training(), Task.of(model, plugnet.registry()) == Task.REGRESSION);
            dataWhere = table.whereHeader();
        }
        if (network == null) {
            model = WidthsFromData.resolve(spec.commandLine(), InferredWidths.of(plugnet.registry()), model, dataset,
                    source.config, "--data");
            network = plugnet.assembler().network(noShortcut ? model.withShortcuts(false) : model);
        }
        Explanation e = Explanation.prepare(model, network, dataset, dataWhere, preprocessing, rows);
        out.printf(Locale.ROOT, "explain: model %s from %s%n", model.name(), origin);
        String batchFrom = e.dataSource() == null ? rows + " seeded random rows (no data given)"
                : "the first " + e.x().rows() + " rows of " + e.dataSource() + ", standardised"
                + (e.withCheckpointStandardisation() ? " with the checkpoint's means and scales" : " over all its rows")
                + (dataset != null && dataset.regression() ? "; targets " : "; classes ")
                + String.join(", ", e.classes());
        out.printf(Locale.ROOT, "batch: %s%n", batchFrom);
        out.printf(Locale.ROOT, "path: %s%n", network.usesShortcut()
                ? "SHORTCUT — " + network.backwardPath() + "; steps 1 and 2 are fused into one"
                : "GENERIC — " + network.backwardPath());
        Matrix x = e.x();
        Matrix t = e.t();
        double loss = e.pass();
        formulas = new PluginFormulas(plugnet.registry(), model);
        printForward(network, x, t, loss);
        printBackward(network);
        return ExitCodes.OK;
    }

    private void printForward(Network network, Matrix x, Matrix t, double loss) {
        out.println();
        out.println("forward pass (B = " + x.rows() + "):");
        value("x", "input batch", x);
        List<Stage> stages = network.stages();
        String input = "x";
        for (Stage s : stages) {
            int n = s.index() + 1;
            String a = "a" + n;
            String params = String.join(", ", s.layer().parameters().stream().map(p -> p.name() + n).toList());
            String neutral = s.layerType() + "(" + input + (params.isEmpty() ? "" : "; " + params) + ")";
            value(a, StepFormula.equation(neutral, formulas.layer(s.index()).forward(), input, a, n),
                    s.preActivation());
            if (s.activationName() != null) {
                String z = outputName(network, s);
                value(z, StepFormula.equation(s.activationName() + "(" + a + ")",
                        formulas.activation(s.index()).forward(), a, z, n), s.output());
            }
            input = outputName(network, s);
        }
        value("t", "targets (one-hot)", t);
        Stage last = stages.get(stages.size() - 1);
        String lossFormula = network.usesShortcut()
                ? formulas.shortcut(network.shortcutName(), network.outputs()).forward() : formulas.loss().forward();
        String s = outputName(network, last);
        out.printf(Locale.ROOT, "  L = %.10f   mean %s over the batch%s%n", loss, network.lossName(),
                lossFormula == null ? "" : ": L = " + StepFormula.fill(lossFormula,
                        network.usesShortcut() ? "a" + (last.index() + 1) : s, s, last.index() + 1));
    }

    private void printBackward(Network network) {
        out.println();
        out.println("backward pass (SPEC.md steps):");
        List<Stage> stages = network.stages();
        Stage last = stages.get(stages.size() - 1);
        int n = last.index() + 1;
        String s = outputName(network, last);
        String a = "a" + n;
        step = 0;
        if (network.usesShortcut()) {
            step += 2;
            String formula = formulas.shortcut(network.shortcutName(), network.outputs()).backward();
            value("steps 1–2", "dL/d" + a + (formula == null ? "" : " = " + StepFormula.fill(formula, a, s, n))
                    + "   fused by shortcut " + network.shortcutName() + ": no dL/d" + s + ", no Jacobian",
                    last.preActivationGradient());
        } else {
            value(nextStep(), "dL/d" + s + StepFormula.rest(formulas.loss().backward(), s, s, n,
                    network.lossName() + "'s gradient"), network.lossGradient());
            if (last.activationName() != null) {
                value(nextStep(), "dL/d" + a + StepFormula.rest(formulas.activation(last.index()).backward(),
                        a, s, n, last.activationName() + "'s vector-Jacobian product of dL/d" + s),
                        last.preActivationGradient());
            }
        }
        for (int i = stages.size() - 1; i >= 0; i--) {
            Stage stage = stages.get(i);
            int k = i + 1;
            String input = i == 0 ? "x" : outputName(network, stages.get(i - 1));
            String ak = "a" + k;
            Formulas layer = formulas.layer(stage.index());
            List<Parameter> params = stage.layer().parameters();
            for (int p = params.size() - 1; p >= 0; p--) {
                Parameter param = params.get(p);
                value(nextStep(), "dL/d" + param.name() + k + StepFormula.rest(layer.parameters().get(param.name()),
                        input, ak, k, stage.layerType() + "'s backward"), param.gradient());
            }
            if (i > 0) {
                Stage previous = stages.get(i - 1);
                String z = outputName(network, previous);
                value(nextStep(), "dL/d" + z + StepFormula.rest(layer.backward(), z, ak, k,
                        stage.layerType() + "'s input gradient"), previous.outputGradient());
                if (previous.activationName() != null) {
                    String ai = "a" + i;
                    value(nextStep(), "dL/d" + ai + StepFormula.rest(formulas.activation(previous.index())
                            .backward(), ai, z, i, previous.activationName() + "'s vector-Jacobian product of dL/d"
                            + z), previous.preActivationGradient());
                }
            }
        }
    }

    private String nextStep() {
        step++;
        return "step " + step;
    }

    private static String outputName(Network network, Stage s) {
        List<Stage> stages = network.stages();
        if (s == stages.get(stages.size() - 1)) {
            return s.activationName() == null ? "a" + (s.index() + 1) : "s";
        }
        if (s.activationName() == null) {
            return "a" + (s.index() + 1);
        }
        return stages.size() == 2 ? "z" : "z" + (s.index() + 1);
    }

    private void value(String name, String meaning, Matrix m) {
        out.printf(Locale.ROOT, "  %-9s %-10s %s%n", name, m == null ? "" : m.shape(), meaning);
        if (m == null) {
            return;
        }
        int maxCols = 12;
        for (int i = 0; i < m.rows(); i++) {
            StringBuilder row = new StringBuilder("      [");
            for (int j = 0; j < Math.min(m.cols(), maxCols); j++) {
                row.append(String.format(Locale.ROOT, "%s%12.6g", j == 0 ? "" : " ", m.get(i, j)));
            }
            if (m.cols() > maxCols) {
                row.append(" … (").append(m.cols() - maxCols).append(" more)");
            }
            out.println(row.append(" ]"));
        }
    }
}
