package dev.plugnet.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the real command line in-process, as a user would, and keeps what it printed. */
final class Cli {
    private Cli() {
    }

    /**
     * @param code the exit code
     * @param out what went to standard output
     * @param err what went to standard error
     */
    record Result(int code, String out, String err) {
        /** @return the standard error as a one-line message, failing if it is not exactly one line */
        String errLine() {
            String trimmed = err.strip();
            if (trimmed.isEmpty() || trimmed.contains("\n")) {
                throw new AssertionError("expected one line on standard error, got:\n" + err);
            }
            return trimmed;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Copies a test resource of this package into {@code folder}. */
    static Path resource(String name, Path folder) {
        try (InputStream in = Cli.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            Path file = folder.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
