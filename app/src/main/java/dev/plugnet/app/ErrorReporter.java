package dev.plugnet.app;

import dev.plugnet.api.NonFiniteException;
import dev.plugnet.api.PlugnetException;
import picocli.CommandLine;

/**
 * Turns an error into one clear line on standard error and an exit code: plugnet's own errors print their
 * location and problem; anything else is a bug, reported in one line too (the stack trace only with
 * {@code PLUGNET_DEBUG=1}).
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        var err = cli.getErr();
        if (e instanceof PlugnetException p) {
            err.println("plugnet: " + p.getMessage());
        } else {
            err.println("plugnet: internal error: " + e);
            err.println("plugnet: please report it; set PLUGNET_DEBUG=1 to see where it happened");
        }
        if (System.getenv("PLUGNET_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode(e);
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
        err.println("plugnet: " + message + (message.contains("--help") ? "" : " (see '" + command + " --help')"));
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    static int exitCode(Throwable e) {
        if (e instanceof NonFiniteException) {
            return ExitCodes.FAILED;
        }
        if (e instanceof PlugnetException || e instanceof CommandLine.ParameterException) {
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.FAILED;
    }
}
