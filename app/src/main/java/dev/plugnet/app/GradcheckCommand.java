package dev.plugnet.app;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.data.CsvTableReader;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.data.DatasetReader;
import dev.plugnet.core.model.InferredWidths;
import dev.plugnet.core.network.Task;
import dev.plugnet.core.gradcheck.GradientCheck;
import dev.plugnet.core.gradcheck.ParameterCheck;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.text.Printable;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code plugnet gradcheck}: the backward pass against central finite differences. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks a network's backward pass against central finite differences, on every element of"
                + " every parameter (third-party plugins included), on a small seeded batch (inputs uniform in"
                + " [-1, 1], one-hot targets), and prints the worst relative error of each parameter.",
            "Double precision, with the thresholds of Deeplearning4j's GradientCheckUtil: step h = 1e-6,"
                + " relative error |a - n| / (|a| + |n|) at most 1e-3, and an absolute error below 1e-8 always"
                + " passes. PyTorch's torch.autograd.gradcheck uses the same step (eps = 1e-6) and relative"
                + " tolerance (rtol = 1e-3).",
            "A config that leaves its widths to the data (inputs, the last layer's units: \"auto\" or left out) takes"
                + " them from the columns of --data (a bundled example brings its own); the batch stays seeded and"
                + " random."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every parameter passed", "1:a parameter's relative error is above 1e-3",
            "2:bad usage or bad input (config)"})
final class GradcheckCommand implements Callable<Integer> {
    @ParentCommand
    PlugnetCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "Model file, or a bundled example: thyroid, iris or friedman.")
    String config;

    @Option(names = "--data", paramLabel = "CSV", description = "Take the widths the config leaves to the data from"
            + " this CSV file's columns (default: the bundled example's data set).")
    String data;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "4", description = "Rows in the batch (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the batch (default: the model's seed).")
    Long seed;

    @Option(names = "--no-shortcut", description = "Check the generic backward steps 1–2 even if a fused shortcut is installed.")
    boolean noShortcut;

    @Option(names = "--max-parameters", paramLabel = "N", defaultValue = "100000",
            description = "Refuse a model with more parameters than this (default: ${DEFAULT-VALUE}): the check runs"
                    + " two forward passes per parameter, so its work grows with the square of the parameters.")
    long maxParameters;

    @Override
    public Integer call() {
        if (rows < 1 || rows > 10_000) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rows must be from 1 to 10000, got "
                    + rows);
        }
        PrintWriter out = spec.commandLine().getOut();
        Plugnet plugnet = parent.plugnet();
        ConfigArgument argument = ConfigArgument.read(config, plugnet);
        ModelSpec model = argument.spec();
        String dataName = data != null ? data : argument.example().map(BundledExample::exampleName).orElse(null);
        InferredWidths widths = InferredWidths.of(plugnet.registry());
        if (widths.open(model)) {
            Dataset dataset = dataName == null ? null : new DatasetReader().forTraining(
                    DataArgument.read(dataName, new CsvTableReader()), model.training(),
                    Task.of(model, plugnet.registry()) == Task.REGRESSION);
            model = WidthsFromData.resolve(spec.commandLine(), widths, model, dataset, config, "--data");
        }
        if (noShortcut) {
            model = model.withShortcuts(false);
        }
        if (maxParameters < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-parameters must be positive,"
                    + " got " + maxParameters);
        }
        Network network = plugnet.assembler().network(model);
        long parameters = network.parameterCount();
        if (parameters > maxParameters) {
            throw new PlugnetException(config, String.format(Locale.ROOT, "the model has %,d parameters, more than"
                    + " --max-parameters %,d: the check would run %,d forward passes (about %.1e multiply-adds);"
                    + " give --max-parameters %d to run it anyway", parameters, maxParameters,
                    GradientCheck.forwardPasses(parameters), GradientCheck.multiplyAdds(parameters, rows), parameters));
        }
        long batchSeed = seed != null ? seed : model.seed();
        out.printf(Locale.ROOT, "gradcheck: %s, %d parameters, batch of %d rows (seed %d); %,d forward passes"
                        + " (about %.1e multiply-adds)%n", Printable.of(model.name()), parameters, rows, batchSeed,
                GradientCheck.forwardPasses(parameters), GradientCheck.multiplyAdds(parameters, rows));
        out.printf(Locale.ROOT, "backward tail: %s%n", network.backwardPath());
        out.flush();
        List<ParameterCheck> checks = new GradientCheck(rows, batchSeed).run(network,
                progress(spec.commandLine().getErr()));
        int failed = 0;
        for (ParameterCheck c : checks) {
            if (!c.passed()) {
                failed++;
            }
            out.printf(Locale.ROOT, "%s  %-16s %-8s worst relative error %.2e at element %d (analytic %.6e,"
                            + " numeric %.6e)%s%n", c.passed() ? "PASS" : "FAIL", c.path(), c.shape(),
                    c.worstRelativeError(), c.worstElement(), c.analytic(), c.numeric(),
                    c.passed() ? "" : "; " + c.failures() + " of " + c.elements() + " elements above the threshold");
        }
        out.printf(Locale.ROOT, "gradcheck: %d passed, %d failed (step %.0e, max relative error %.0e)%n",
                checks.size() - failed, failed, GradientCheck.STEP, GradientCheck.MAX_RELATIVE_ERROR);
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** @return a progress line on standard error every two seconds, with the share done and the time left */
    private static GradientCheck.Progress progress(PrintWriter err) {
        long start = System.nanoTime();
        long[] next = {start + 2_000_000_000L};
        return (done, total) -> {
            if ((done & 255) != 0 && done != total) {
                return;
            }
            long now = System.nanoTime();
            if (now >= next[0] && done < total) {
                double elapsed = (now - start) / 1e9;
                err.printf(Locale.ROOT, "gradcheck: %,d of %,d elements (%.0f%%), about %.0f s left%n", done, total,
                        100.0 * done / total, elapsed * (total - done) / done);
                err.flush();
                next[0] = now + 2_000_000_000L;
            }
        };
    }
}
