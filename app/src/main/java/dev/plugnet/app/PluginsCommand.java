package dev.plugnet.app;

import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.checkpoint.AtomicFiles;
import dev.plugnet.core.files.OutputKind;
import dev.plugnet.core.files.OutputTarget;
import dev.plugnet.core.model.ModelSchema;
import dev.plugnet.core.plugins.InstalledPlugin;
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

/** {@code plugnet plugins}: lists the installed plugins, or writes the JSON Schema of models over them. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"Lists the installed plugins: kind, name, module, version, where it came from (built in, or"
                + " which jar) and description; with --options, each plugin's options (name, type, default,"
                + " description).",
            "With --schema, writes a JSON Schema (draft 2020-12) of the model format for the installed plugins"
                + " instead, for editors to validate and complete model files."})
final class PluginsCommand implements Callable<Integer> {
    @ParentCommand
    PlugnetCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--options", description = "Also list each plugin's options (name, type, default, description).")
    boolean options;

    @Option(names = "--schema", arity = "0..1", paramLabel = "FILE", fallbackValue = "-",
            converter = OutputPathConverter.class,
            description = "Write the JSON Schema of model files to FILE, atomically (or to standard output: - or"
                    + " no FILE), instead of the list. An existing FILE is replaced only if it is a plugnet model"
                    + " schema, or with --force.")
    Path schema;

    @Option(names = "--force", description = "Replace an existing --schema file even if it is not a plugnet"
            + " model schema.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Plugnet plugnet = parent.plugnet();
        if (schema != null) {
            boolean toFile = !OutputFiles.isStandardOutput(schema);
            if (toFile) {
                OutputFiles.check(force, List.of(new OutputFiles.Output(new OutputTarget(schema,
                        OutputKind.MODEL_SCHEMA, "--schema"), parent.pluginInputs())));
            }
            String text = plugnet.json().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ModelSchema.of(plugnet.registry()));
            if (toFile) {
                try {
                    AtomicFiles.write(schema, (text + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw dev.plugnet.core.files.WriteFailedException.of("--schema " + schema, e);
                }
                out.println("wrote the model schema to " + schema);
            } else {
                out.println(text);
            }
            return ExitCodes.OK;
        }
        String row = "%-11s %-22s %-30s %-16s %s%n";
        out.printf(Locale.ROOT, row, "KIND", "NAME", "MODULE", "VERSION", "FROM");
        for (InstalledPlugin p : plugnet.registry().all()) {
            out.printf(Locale.ROOT, row, p.kind().word(), p.name(), p.module(),
                    p.version().isEmpty() ? "-" : p.version(), p.origin());
            out.printf(Locale.ROOT, "%12s%s%n", "", p.provider().description());
            if (options) {
                for (OptionSpec o : p.provider().options()) {
                    out.printf(Locale.ROOT, "%12s- %s (%s%s): %s — %s%n", "", o.name(),
                            o.type().name().toLowerCase(Locale.ROOT),
                            o.required() ? ", required" : o.defaultValue() == null ? ", optional"
                                    : ", default " + o.defaultValue(), o.expectation(), o.description());
                }
            }
        }
        return ExitCodes.OK;
    }
}
