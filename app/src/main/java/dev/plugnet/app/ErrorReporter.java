package dev.plugnet.app;

import dev.plugnet.api.NonFiniteException;
import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.checkpoint.MissingPluginsException;
import dev.plugnet.core.plugins.PluginFailedException;
import dev.plugnet.core.text.Printable;
import picocli.CommandLine;

import java.util.function.Function;

/**
 * Turns an error into one clear line on standard error and an exit code: plugnet's own errors print their
 * location and problem; anything else is a bug, reported in one line too (the stack trace only with
 * {@code PLUGNET_DEBUG=1}).
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    private final Function<String, String> environment;

    ErrorReporter() {
        this(System::getenv);
    }

    /** @param environment where {@code PLUGNET_DEBUG} is read (tests pass their own) */
    ErrorReporter(Function<String, String> environment) {
        this.environment = environment;
    }

    /** @return whether {@code PLUGNET_DEBUG} asks for stack traces (set, and neither empty nor {@code 0}) */
    static boolean debug(Function<String, String> environment) {
        String value = environment.apply("PLUGNET_DEBUG");
        return value != null && !value.isBlank() && !value.strip().equals("0");
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        var err = cli.getErr();
        boolean debug = debug(environment);
        if (e instanceof PluginFailedException p) {
            // a bug in a plugin: it names the plugin, its module and jar; plugnet is not to blame
            err.println("plugnet: " + shown(p.getMessage()));
        } else if (e instanceof MissingPluginsException m) {
            err.println("plugnet: " + shown(m.withAdvice(installAdvice())));
        } else if (e instanceof PlugnetException p) {
            err.println("plugnet: " + shown(p.getMessage()));
        } else {
            err.println("plugnet: internal error: " + shown(String.valueOf(e)));
            err.println(debug ? "plugnet: please report it, with the stack trace below"
                    : "plugnet: please report it; set PLUGNET_DEBUG=1 to see where it happened");
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode(e);
    }

    /**
     * @return how to install a plugin, in the terms of how this app was started: the {@code ./plugnet} launcher
     *         (which sets {@code plugnet.launcher}) takes plugin folders; {@code java -m} can also use the module
     *         path
     */
    static String installAdvice() {
        String launcher = System.getProperty("plugnet.launcher");
        if (launcher != null && !launcher.isBlank()) {
            return "add their jars with " + launcher + " --plugins DIR … (a folder of jars), or copy them into"
                    + " ./plugins";
        }
        return "add their jars with --plugins DIR (a folder of jars), $PLUGNET_PLUGINS or ./plugins, or put them"
                + " on the module path";
    }

    /**
     * Bad usage (an unknown option, a missing or invalid value): one line naming the problem and where to
     * read more, exit 2.
     */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        var err = cli.getErr();
        String command = cli.getCommandSpec().qualifiedName();
        String message = e.getMessage();
        err.println("plugnet: " + shown(message) + (message.contains("--help") ? "" : " (see '" + command + " --help')"));
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /** The longest message printed whole; longer ones are cut, with their length given. */
    static final int MAX_MESSAGE = 1000;

    /**
     * @return {@code message} as one safe line: control characters escaped (nothing from a file reaches the
     *         terminal raw) and cut to {@link #MAX_MESSAGE} characters
     */
    static String shown(String message) {
        String escaped = Printable.escape(message);
        return escaped.length() <= MAX_MESSAGE ? escaped : escaped.substring(0, MAX_MESSAGE)
                + String.format(java.util.Locale.ROOT, "… (%,d characters)", escaped.length());
    }

    static int exitCode(Throwable e) {
        if (e instanceof NonFiniteException || e instanceof PluginFailedException
                || e instanceof dev.plugnet.core.files.WriteFailedException) {
            return ExitCodes.FAILED;
        }
        if (e instanceof PlugnetException || e instanceof CommandLine.ParameterException) {
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.FAILED;
    }
}
