package dev.plugnet.app;

import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.reference.ReferenceCase;
import dev.plugnet.core.reference.ReferenceCaseReader;
import dev.plugnet.core.reference.ReferenceCheck;
import dev.plugnet.core.reference.ReferenceLayer;
import dev.plugnet.core.reference.ReferenceResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code plugnet verify-reference PATH…}: runs reference cases through the real path and reports each. */
@Command(name = "verify-reference", mixinStandardHelpOptions = true,
        description = {"Runs reference forward/backward cases (files, or folders of *.json cases) through the real"
                + " path — JSON config, Guice, discovered plugins — once with the shortcut and once without,"
                + " and prints the worst relative error of each.",
            "Exits 1 if any exceeds 1e-9, 2 if a case cannot be read."})
final class VerifyReferenceCommand implements Callable<Integer> {
    @ParentCommand
    PlugnetCommand parent;

    /** plugnet's dense layer computes a case's x·W + b from its weights given as options */
    private static final ReferenceLayer DENSE = new ReferenceLayer("dense", "units", "weights", "biases", "W", "b");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Case files or folders of cases.")
    List<Path> paths;

    @Option(names = "--expect-generic-only", hidden = true,
            description = "Fail if a shortcut ran (checks a module path without the shortcut module).")
    boolean expectGenericOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plugnet plugnet = parent.plugnet();
        ReferenceCaseReader reader = new ReferenceCaseReader(plugnet.json());
        ReferenceCheck check = new ReferenceCheck(plugnet, DENSE);
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        int unreadable = 0;
        for (Path file : ReferenceCaseReader.expand(paths)) {
            ReferenceCase c;
            try {
                c = reader.read(file);
            } catch (PlugnetException e) {
                err.println("plugnet: " + e.getMessage());
                unreadable++;
                continue;
            }
            for (boolean shortcut : new boolean[] {true, false}) {
                ReferenceResult r = check.run(c, shortcut);
                boolean wrongPath = expectGenericOnly && shortcut && r.ran();
                if (!r.ran()) {
                    skipped++;
                    out.printf(Locale.ROOT, "SKIP  %-28s %-8s  %s%n", c.name(), r.path(), r.note());
                } else if (r.passed() && !wrongPath) {
                    passed++;
                    out.printf(Locale.ROOT, "PASS  %-28s %-8s  worst relative error %.2e (%s)%n", c.name(),
                            r.path(), r.worstError(), r.worstArray());
                } else {
                    failed++;
                    out.printf(Locale.ROOT, "FAIL  %-28s %-8s  worst relative error %.2e (%s)%s%s%n", c.name(),
                            r.path(), r.worstError(), r.worstArray(), r.note().isEmpty() ? "" : ": " + r.note(),
                            wrongPath ? " — a shortcut ran, but none should be installed" : "");
                }
            }
        }
        var backends = plugnet.computeBackends();
        var backend = backends.shared(backends.choice(null));
        out.printf(Locale.ROOT, "compute: %s, %d thread%s (%s)%n", backend.name(), backend.threads(),
                backend.threads() == 1 ? "" : "s", backend.describe());
        out.printf(Locale.ROOT, "verify-reference: %d passed, %d failed, %d skipped, %d unreadable (tolerance %.0e)%n",
                passed, failed, skipped, unreadable, ReferenceResult.TOLERANCE);
        if (unreadable > 0) {
            return ExitCodes.BAD_INPUT;
        }
        return failed > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
