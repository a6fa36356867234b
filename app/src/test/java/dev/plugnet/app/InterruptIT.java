package dev.plugnet.app;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.checkpoint.CheckpointReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C with the real app: a {@code train} process on the packaged module path, without
 * {@code --checkpoint-every}, gets SIGINT after some epochs; it says on standard error which epoch it saved and
 * where, and that checkpoint verifies, loads and resumes.
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

    @Test
    void sigintSavesTheLastFinishedEpochAndSaysWhere() throws Exception {
        Path out = dir.resolve("run.json");
        Process train = start("train", "--epochs", "1000000", "--patience", "0", "--out", out.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (countEpochLines() < 5 && System.nanoTime() < deadline && train.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(train.isAlive(), Files.readString(dir.resolve("stderr.log")));
        new ProcessBuilder("kill", "-INT", Long.toString(train.pid())).start().waitFor();
        assertTrue(train.waitFor(60, TimeUnit.SECONDS), "train ended after SIGINT");
        String err = Files.readString(dir.resolve("stderr.log"));
        assertTrue(err.matches("(?s).*plugnet: interrupted; saved epoch \\d+ to " + java.util.regex.Pattern.quote(
                out.toString()) + " \\(continue with --resume .*\\)\\n.*"), err);
        Plugnet plugnet = Plugnet.boot();
        Checkpoint saved = new CheckpointReader(plugnet.json(), plugnet.reader()).read(out);
        int epoch = Integer.parseInt(err.replaceAll("(?s).*saved epoch (\\d+) to.*", "$1"));
        assertEquals(epoch, saved.history().size());
        assertTrue(epoch >= 5, "epochs saved: " + epoch);
        Process resumed = start("train", "--resume", out.toString(), "--epochs", "2", "--out",
                dir.resolve("resumed.json").toString());
        assertEquals(0, resumed.waitFor());
    }

    private long countEpochLines() throws IOException {
        Path log = dir.resolve("stdout.log");
        return Files.exists(log) ? Files.readString(log).lines().filter(l -> l.startsWith("epoch")).count() : 0;
    }
}
