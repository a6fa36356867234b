package dev.plugnet.app;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.checkpoint.CheckpointReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash safety with the real app: a {@code train} process on the packaged module path
 * ({@code app/target/modules}, run by Failsafe after {@code package}) writes a checkpoint after every epoch
 * and is killed with SIGKILL ({@link Process#destroyForcibly()}) again and again, each run resuming the last:
 * half the kills at a random moment, half as soon as a checkpoint write has begun. After every kill the
 * checkpoint on disk is complete, passes its checksum, loads and has lost no epoch an earlier kill had saved;
 * the only other files are hidden {@code .NAME.json.*.tmp} files of interrupted writes, never anything that
 * looks like a checkpoint, and at least one kill must have left one (else no write was interrupted). At the end
 * {@code evaluate} runs on it. Every child is killed in {@code finally}: a failed assertion leaves no JVM behind.
 */
class CrashSafetyIT {
    private static final int KILLS = 12;
    private static final Path MODULES = Path.of(System.getProperty("plugnet.modules", "target/modules"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA,
                "-Djava.awt.headless=true", "-Xshare:auto", "--module-path", MODULES.toString(),
                "--module", "dev.plugnet.app"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .redirectError(dir.resolve("stderr.log").toFile())
                .start();
    }

    @Test
    void aTrainRunKilledWhileItWritesCheckpointsLeavesACompleteOneThatLoads() throws Exception {
        Path out = dir.resolve("run.json");
        Plugnet plugnet = Plugnet.boot();
        CheckpointReader reader = new CheckpointReader(plugnet.json(), plugnet.reader());
        Random random = new Random(20261127); // varied, reproducible moments
        int saved = 0;
        int midWrite = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            FileTime before = Files.exists(out) ? Files.getLastModifiedTime(out) : null;
            long leftover = temps(out).size(); // interrupted writes of earlier kills
            Process train = kill == 1
                    ? start("train", "--epochs", "1000000", "--patience", "0", "--checkpoint-every", "1", "--out",
                            out.toString())
                    : start("train", "--resume", out.toString(), "--epochs", "1000000", "--patience", "0",
                            "--checkpoint-every", "1", "--out", out.toString());
            try {
                // wait until this process has written its first checkpoint, then SIGKILL it: on odd kills at a
                // random moment, on even kills as soon as a write has begun (its temporary file is there)
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.exists(out) || Files.getLastModifiedTime(out).equals(before)) {
                    assertTrue(train.isAlive(), () -> "train ended early: " + log("stderr.log"));
                    assertTrue(System.nanoTime() < deadline, "no checkpoint within 60 s");
                    Thread.sleep(2);
                }
                if (kill % 2 == 1) {
                    Thread.sleep(random.nextInt(250));
                } else {
                    while (temps(out).size() <= leftover && System.nanoTime() < deadline) {
                        assertTrue(train.isAlive(), () -> "train ended early: " + log("stderr.log"));
                        Thread.onSpinWait();
                    }
                }
                train.destroyForcibly();
                assertTrue(train.waitFor(30, TimeUnit.SECONDS));
                assertEquals(137, train.exitValue(), "killed by SIGKILL (128 + 9)");
            } finally {
                stop(train);
            }
            midWrite += temps(out).size() > leftover ? 1 : 0;

            Checkpoint c = reader.read(out); // complete, checksum verified
            reader.restore(c, plugnet.assembler(), plugnet.registry(), out.toString());
            assertTrue(c.history().size() > saved, "kill " + kill + ": epochs " + c.history().size()
                    + " after " + saved + " before");
            saved = c.history().size();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    assertTrue(f.equals(out) || name.endsWith(".log") || name.matches("\\.run\\.json\\.\\d+\\.tmp"),
                            "unexpected file " + name);
                }
            }
        }
        System.out.printf("CrashSafetyIT: %d kills (%d left an interrupted write behind), %d epochs saved%n",
                KILLS, midWrite, saved);
        assertTrue(midWrite > 0, "no kill landed during a checkpoint write, so none tested an interrupted write");

        Process evaluate = start("evaluate", "--model", out.toString(), "--data", "thyroid");
        try {
            assertTrue(evaluate.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, evaluate.exitValue(), log("stderr.log"));
        } finally {
            stop(evaluate);
        }
        assertTrue(log("stdout.log").contains("accuracy"), log("stdout.log"));
    }

    /** Ends a child process for good, whatever the test's outcome: no JVM of a failed run is left running. */
    private static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private List<Path> temps(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out.getParent())) {
            return files.filter(f -> f.getFileName().toString().matches("\\.run\\.json\\.\\d+\\.tmp")).toList();
        }
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            return "(no " + name + ")";
        }
    }
}
