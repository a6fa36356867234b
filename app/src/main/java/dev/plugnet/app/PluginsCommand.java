package dev.plugnet.app;

import dev.plugnet.api.OptionSpec;
import dev.plugnet.core.plugins.InstalledPlugin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code plugnet plugins}: lists the installed plugins. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists the installed plugins: kind, name, module, where it came from and description.")
final class PluginsCommand implements Callable<Integer> {
    @ParentCommand
    PlugnetCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--options", description = "Also list each plugin's options (name, type, default, description).")
    boolean options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-11s %-22s %-28s %-10s %s%n", "KIND", "NAME", "MODULE", "FROM", "DESCRIPTION");
        for (InstalledPlugin p : parent.plugnet().registry().all()) {
            String module = p.module() + (p.version().isEmpty() ? "" : "@" + p.version());
            out.printf(Locale.ROOT, "%-11s %-22s %-28s %-10s %s%n", p.kind().word(), p.name(), module, p.origin(),
                    p.provider().description());
            if (options) {
                for (OptionSpec o : p.provider().options()) {
                    out.printf(Locale.ROOT, "%13s- %s: %s%s — %s%n", "", o.name(), o.expectation(),
                            o.required() ? ", required" : o.defaultValue() == null ? ", optional"
                                    : ", default " + o.defaultValue(), o.description());
                }
            }
        }
        return ExitCodes.OK;
    }
}
