package dev.plugnet.app;

import dev.plugnet.api.ConfigException;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.model.ModelLimits;
import dev.plugnet.core.files.InputFile;
import dev.plugnet.core.plugins.PluginRegistry;
import dev.plugnet.core.plugins.PluginWarning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The top-level {@code plugnet} command: its subcommands do the work. */
@Command(name = "plugnet", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A small, fast, pure-Java neural-network framework in which every part is a plugin.",
        subcommands = {VerifyReferenceCommand.class, PluginsCommand.class, TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ExplainCommand.class, GradcheckCommand.class,
                BenchCommand.class, CvCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a run that failed", "2:bad usage or bad input"})
public final class PlugnetCommand implements Runnable {
    /** The environment variable that lists plugin folders (or jars), separated by the path separator. */
    public static final String PLUGINS_ENV = "PLUGNET_PLUGINS";
    /** The plugin folder used when it exists in the working directory. */
    public static final String DEFAULT_FOLDER = "plugins";

    @Spec
    CommandSpec spec;

    @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = {"A folder of plugin jars (or one jar) to load, besides the built-in plugins; repeatable.",
                "Also loaded: ./" + DEFAULT_FOLDER + "/ if it exists, and the folders in $" + PLUGINS_ENV + "."})
    List<Path> pluginFolders = new ArrayList<>();

    @Option(names = "--compute", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = {"The compute backend the matrix products run on: auto (the default: each product on the"
                + " fastest backend for its size), java, openblas, or another installed one (see plugins)."
                + " Overrides the model file's training.compute. A backend that cannot start here is one warning,"
                + " and java runs."})
    String compute;

    private final Function<String, String> environment;
    private final Path workingDirectory;
    private Plugnet plugnet;

    public PlugnetCommand() {
        this(System::getenv, Path.of(""));
    }

    /** For tests: another environment and working directory. */
    PlugnetCommand(Function<String, String> environment, Path workingDirectory) {
        this.environment = environment;
        this.workingDirectory = workingDirectory;
    }

    /**
     * @return plugnet over the built-in plugins and those of the plugin folders, created on first use; each
     *         plugin jar that was skipped is reported as one warning on standard error
     */
    Plugnet plugnet() {
        if (plugnet == null) {
            PluginRegistry registry = PluginRegistry.discover(pluginSources());
            var err = spec.commandLine().getErr();
            for (PluginWarning w : registry.warnings()) {
                err.println("plugnet: warning: " + w.describe());
            }
            err.flush();
            plugnet = Plugnet.with(registry, ModelLimits.fromSystemProperties(), message -> {
                err.println("plugnet: warning: " + message);
                err.flush();
            }, compute);
        }
        return plugnet;
    }

    /**
     * @return the plugin folders in the order they are searched: {@code --plugins}, then {@code $PLUGNET_PLUGINS},
     *         then {@code ./plugins} if it is a folder
     * @throws ConfigException if a {@code --plugins} folder does not exist (a missing folder in the environment
     *         variable is a warning)
     */
    List<Path> pluginSources() {
        List<Path> sources = new ArrayList<>();
        for (Path folder : pluginFolders) {
            if (folder.toString().isEmpty()) {
                throw new ConfigException("--plugins", "an empty folder name; name the folder of plugin jars (the"
                        + " working folder is never searched unless named, for example --plugins .)");
            }
            Path resolved = workingDirectory.resolve(folder);
            if (!Files.exists(resolved)) {
                throw new ConfigException("--plugins", "no such folder or jar: " + folder);
            }
            sources.add(resolved);
        }
        String env = environment.apply(PLUGINS_ENV);
        if (env != null) {
            for (String entry : env.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    sources.add(workingDirectory.resolve(entry.trim()));
                }
            }
        }
        Path defaultFolder = workingDirectory.resolve(DEFAULT_FOLDER);
        if (Files.isDirectory(defaultFolder)) {
            sources.add(defaultFolder);
        }
        List<Path> distinct = new ArrayList<>();
        for (Path p : sources) {
            Path n = p.toAbsolutePath().normalize();
            if (!distinct.contains(n)) {
                distinct.add(n);
            }
        }
        return distinct;
    }

    /**
     * @return the plugin jars that will be loaded (every jar of each plugin folder), as inputs that no output
     *         may replace
     */
    List<InputFile> pluginInputs() {
        List<InputFile> out = new ArrayList<>();
        for (Path source : pluginSources()) {
            if (Files.isDirectory(source)) {
                try (var files = Files.list(source)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                            .forEach(f -> out.add(new InputFile("the plugin", f)));
                } catch (java.io.IOException e) {
                    // an unreadable folder loads nothing, so there is nothing in it to protect
                }
            } else {
                out.add(new InputFile("the plugin", source));
            }
        }
        return out;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (see plugnet --help)");
    }
}
