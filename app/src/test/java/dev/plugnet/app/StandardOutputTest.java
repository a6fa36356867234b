package dev.plugnet.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write to standard output is checked: standard output on a full device (a node with /dev/full's
 * numbers made in the temporary folder) or a closed pipe is exit code 1 and one line, never a silent exit 0
 * with the output cut short.
 */
class StandardOutputTest {
    @TempDir
    static Path dir;

    private static Path model;

    @BeforeAll
    static void trainOnce() {
        model = dir.resolve("model.json");
        assertEquals(0, Cli.run("train", "--epochs", "2", "--out", model.toString()).code());
    }

    private static Cli.Result runWithStdout(OutputStream stdout, String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(stdout, new PrintWriter(err), args);
        return new Cli.Result(code, "", err.toString());
    }

    @Test
    void predictionsOntoAFullDeviceExitOneWithOneLine() throws IOException {
        Path full = SpecialFiles.fullDevice(dir);
        try (OutputStream stdout = new FileOutputStream(full.toFile())) {
            Cli.Result r = runWithStdout(stdout, "predict", "--model", model.toString(), "--data", "thyroid");
            assertEquals(ExitCodes.FAILED, r.code(), r.err());
            assertEquals("plugnet: standard output: cannot be written: No space left on device; the output is"
                    + " incomplete", r.errLine());
        }
    }

    @Test
    void everyCommandThatPrintsChecksItsOutput() throws IOException {
        Path full = Files.exists(dir.resolve("full")) ? dir.resolve("full") : SpecialFiles.fullDevice(dir);
        for (String[] args : new String[][] {{"plugins"}, {"plugins", "--schema"}, {"--version"},
            {"evaluate", "--model", model.toString(), "--data", "thyroid"},
            {"train", "--epochs", "1", "--out", dir.resolve("t.json").toString(), "--force"},
            {"explain", "--model", model.toString()}}) {
            try (OutputStream stdout = new FileOutputStream(full.toFile())) {
                Cli.Result r = runWithStdout(stdout, args);
                assertEquals(ExitCodes.FAILED, r.code(), String.join(" ", args) + ": " + r.err());
                assertTrue(r.errLine().startsWith("plugnet: standard output: cannot be written"), r.err());
            }
        }
    }

    @Test
    void aStreamThatFailsMidwayStopsTheOutputAndExitsOne() {
        OutputStream fourKilobytes = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written + len > 4096) {
                    throw new IOException("No space left on device");
                }
                written += len;
            }
        };
        Cli.Result r = runWithStdout(fourKilobytes, "predict", "--model", model.toString(), "--data", "thyroid");
        assertEquals(ExitCodes.FAILED, r.code());
        assertEquals("plugnet: standard output: cannot be written: No space left on device; the output is"
                + " incomplete", r.errLine());
    }

    @Test
    void aWriterInErrorIsExitOneToo() {
        PrintWriter broken = new PrintWriter(new StringWriter()) {
            @Override
            public boolean checkError() {
                return true;
            }
        };
        int code = Main.run(broken, new PrintWriter(new StringWriter()), "plugins");
        assertEquals(ExitCodes.FAILED, code);
    }
}
