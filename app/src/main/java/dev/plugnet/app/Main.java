package dev.plugnet.app;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Starts the plugnet command-line app. Exit codes: 0 success, 1 a run that failed, 2 bad usage or bad input.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        } catch (Throwable t) { // an Error a command could not handle: still one line, never a stack trace
            System.err.println("plugnet: internal error: " + t);
            if (System.getenv("PLUGNET_DEBUG") != null) {
                t.printStackTrace();
            }
            code = ExitCodes.FAILED;
        }
        System.exit(code);
    }

    /**
     * Runs the app in-process, as tests do.
     *
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(out, err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** @return the configured command line, writing to {@code out} and {@code err} */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new PlugnetCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler(ErrorReporter::usageError);
        cli.setExitCodeExceptionMapper(ErrorReporter::exitCode);
        return cli;
    }
}
