package dev.plugnet.app;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.gradcheck.GradientCheck;
import dev.plugnet.core.gradcheck.ParameterCheck;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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
                + " tolerance (rtol = 1e-3)."},
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

    @Option(names = "--rows", paramLabel = "N", defaultValue = "4", description = "Rows in the batch (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the batch (default: the model's seed).")
    Long seed;

    @Option(names = "--no-shortcut", description = "Check the generic backward steps 1–2 even if a fused shortcut is installed.")
    boolean noShortcut;

    @Override
    public Integer call() {
        if (rows < 1 || rows > 10_000) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rows must be from 1 to 10000, got "
                    + rows);
        }
        PrintWriter out = spec.commandLine().getOut();
        Plugnet plugnet = parent.plugnet();
        ModelSpec model = ConfigArgument.read(config, plugnet).spec();
        if (noShortcut) {
            model = model.withShortcuts(false);
        }
        Network network = plugnet.assembler().network(model);
        long batchSeed = seed != null ? seed : model.seed();
        out.printf(Locale.ROOT, "gradcheck: %s, %d parameters, batch of %d rows (seed %d)%n", model.name(),
                network.parameterCount(), rows, batchSeed);
        out.printf(Locale.ROOT, "backward tail: %s%n", network.backwardPath());
        List<ParameterCheck> checks = new GradientCheck(rows, batchSeed).run(network);
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
}
