package dev.plugnet.app;

import dev.plugnet.core.Plugnet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code plugnet} command: its subcommands do the work. */
@Command(name = "plugnet", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A small, fast, pure-Java neural-network framework in which every part is a plugin.",
        subcommands = {VerifyReferenceCommand.class, PluginsCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a run that failed", "2:bad usage or bad input"})
public final class PlugnetCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private Plugnet plugnet;

    /** @return plugnet over the installed plugins, created on first use */
    Plugnet plugnet() {
        if (plugnet == null) {
            plugnet = Plugnet.boot();
        }
        return plugnet;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (see plugnet --help)");
    }
}
