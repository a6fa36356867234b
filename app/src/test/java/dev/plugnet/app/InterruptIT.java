package dev.plugnet.app;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.checkpoint.CheckpointReader;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C and SIGTERM with the real app: a {@code train} process on the packaged module path, without
 * {@code --checkpoint-every}, gets the signal after some epochs; it ends as a cancelled fit does (the best epoch
 * so far restored, the checkpoint written atomically), says on standard error which epoch it kept and where, and
 * that checkpoint verifies, loads, holds that epoch as its best (with the weights a run stopped there by its epoch
 * count has) and resumes.
 */
class InterruptIT {
    private static final Path MODULES = Path.of(System.getProperty("plugnet.modules", "target/modules"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Djava.awt.headless=true", "-Xshare:auto",
                "-Dguice_bytecode_gen_option=DISABLED", "--module-path", MODULES.toAbsolutePath().toString(),
                "--module", "dev.plugnet.app"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .redirectError(dir.resolve("stderr.log").toFile())
                .start();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"INT, 0, the last", "TERM, 0, the last", "INT, 1000000, the best",
            "TERM, 1000000, the best"})
    void aSignalKeepsTheBestEpochSoFarAndSaysWhere(String signal, int patience, String which) throws Exception {
        Path out = dir.resolve("run.json");
        Process train = start("train", "--epochs", "1000000", "--patience", Integer.toString(patience), "--out",
                out.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (countEpochLines() < 5 && System.nanoTime() < deadline && train.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(train.isAlive(), Files.readString(dir.resolve("stderr.log")));
        new ProcessBuilder("kill", "-" + signal, Long.toString(train.pid())).start().waitFor();
        assertTrue(train.waitFor(60, TimeUnit.SECONDS), "train ended after SIG" + signal);
        assertNotEquals(0, train.exitValue(), "an interrupted run does not exit 0");
        String err = Files.readString(dir.resolve("stderr.log"));
        java.util.regex.Matcher kept = java.util.regex.Pattern.compile("plugnet: interrupted; kept epoch (\\d+) \\("
                + which + " of the (\\d+) finished\\) in " + java.util.regex.Pattern.quote(out.toString())
                + " \\(continue with --resume " + java.util.regex.Pattern.quote(out.toString()) + "\\)\n").matcher(err);
        assertTrue(kept.find(), err);
        int epoch = Integer.parseInt(kept.group(1));
        int finished = Integer.parseInt(kept.group(2));
        Plugnet plugnet = Plugnet.boot();
        Checkpoint saved = new CheckpointReader(plugnet.json(), plugnet.reader()).read(out);
        assertEquals(finished, saved.history().size());
        assertEquals(epoch, saved.history().bestEpoch(), "the checkpoint holds the epoch the message names");
        assertTrue(finished >= 5, "epochs finished: " + finished);
        if (patience == 0) {
            assertEquals(finished, epoch, "without early stopping the last finished epoch is kept");
        }
        // the kept weights are those of that epoch: a run of the same seed stopped there by its epoch count has them
        Path again = dir.resolve("again.json");
        Process reference = start("train", "--epochs", Integer.toString(epoch), "--patience", "0", "--out",
                again.toString());
        assertEquals(0, reference.waitFor(), Files.readString(dir.resolve("stderr.log")));
        assertEquals(new CheckpointReader(plugnet.json(), plugnet.reader()).read(again).weights(), saved.weights(),
                "the checkpoint holds epoch " + epoch + "'s weights");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().contains(".tmp")).toList(),
                    "no temporary file is left");
        }
        Process resumed = start("train", "--resume", out.toString(), "--epochs", "2", "--out",
                dir.resolve("resumed.json").toString());
        assertEquals(0, resumed.waitFor(), Files.readString(dir.resolve("stderr.log")));
    }

    private long countEpochLines() throws IOException {
        Path log = dir.resolve("stdout.log");
        return Files.exists(log) ? Files.readString(log).lines().filter(l -> l.startsWith("epoch")).count() : 0;
    }
}
