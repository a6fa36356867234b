package dev.plugnet.app;

import picocli.CommandLine;

import dev.plugnet.core.checkpoint.AtomicFiles;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Starts the plugnet command-line app. Exit codes: 0 success, 1 a run that failed, 2 bad usage or bad input.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(new FileOutputStream(FileDescriptor.out), new PrintWriter(System.err, true), args);
        } catch (Throwable t) { // an Error a command could not handle: still one line, never a stack trace
            System.err.println("plugnet: internal error: " + t);
            if (ErrorReporter.debug(System::getenv)) {
                t.printStackTrace();
            }
            code = ExitCodes.FAILED;
        }
        System.exit(code);
    }

    /**
     * Runs the app in-process, as tests do.
     *
     * @return the exit code; 1 (with one line on {@code err}) if standard output could not be written
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(out, err);
        int code = cli.execute(args);
        out.flush();
        if (out.checkError()) {
            code = outputFailed(err, code, "the output is incomplete");
        }
        err.flush();
        return code;
    }

    /**
     * Runs the app with standard output on {@code stdout}, checking every write: a failure (a full disk, a
     * closed pipe) is exit code 1 and one line naming the error.
     *
     * @return the exit code
     */
    public static int run(OutputStream stdout, PrintWriter err, String... args) {
        CheckedOutputStream checked = new CheckedOutputStream(stdout);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(checked, stdoutCharset()), true);
        CommandLine cli = commandLine(out, err);
        int code = cli.execute(args);
        out.flush();
        if (checked.failure() != null || out.checkError()) {
            code = outputFailed(err, code, checked.failure() == null ? "the output is incomplete"
                    : AtomicFiles.reason(checked.failure()) + "; the output is incomplete");
        }
        err.flush();
        return code;
    }

    /** @return the charset {@code System.out} encodes with (as the JDK chose it for this terminal or pipe) */
    private static Charset stdoutCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null) {
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    // an unknown name: try the next
                }
            }
        }
        return Charset.defaultCharset();
    }

    private static int outputFailed(PrintWriter err, int code, String why) {
        err.println("plugnet: standard output: cannot be written: " + why);
        return code == ExitCodes.OK ? ExitCodes.FAILED : code;
    }

    /** @return the configured command line, writing to {@code out} and {@code err} */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, System::getenv);
    }

    /** @return the configured command line, reading {@code PLUGNET_DEBUG} from {@code environment} */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, java.util.function.Function<String, String> environment) {
        CommandLine cli = new CommandLine(new PlugnetCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setAllowSubcommandsAsOptionParameters(true); // --plugins plugins: a folder named like a command
        cli.setExecutionExceptionHandler(new ErrorReporter(environment));
        cli.setParameterExceptionHandler(ErrorReporter::usageError);
        cli.setExitCodeExceptionMapper(ErrorReporter::exitCode);
        return cli;
    }
}
