package dev.plugnet.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A genuinely full disk, through the real command line: a small tmpfs is mounted on a folder inside the test's
 * temporary folder (never a real device or system path) and filled up; every output written there (a
 * checkpoint, predictions, the plot, the schema, the history) fails with exit 1 and one line saying so, an
 * older file there stays byte for byte as it was, and no temporary file is left behind. Mounting needs root
 * (CAP_SYS_ADMIN); without it the tests are skipped, saying why. The tmpfs is unmounted after every test.
 */
class FullDiskTest {
    @TempDir
    static Path dir;

    private static Path model;

    private Path disk;
    private boolean mounted;

    @BeforeAll
    static void trainOnce() {
        model = dir.resolve("model.json");
        Cli.Result r = Cli.run("train", "--epochs", "2", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
    }

    @BeforeEach
    void mountASmallDisk() throws IOException, InterruptedException {
        disk = Files.createTempDirectory(dir, "disk");
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=512k,mode=0755", "tmpfs",
                disk.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        mounted = p.waitFor() == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): " + said);
    }

    @AfterEach
    void unmount() throws IOException, InterruptedException {
        if (mounted) {
            Process p = new ProcessBuilder("umount", disk.toString()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, p.waitFor(), "umount " + disk + ": " + said);
            mounted = false;
        }
    }

    /** Writes a filler file until the disk is full. */
    private void fill() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(disk.resolve("filler"))) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // the disk is full now
        }
        try (OutputStream out = Files.newOutputStream(disk.resolve("filler-tail"))) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException full) {
            // not a byte left
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(disk)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("filler")).sorted()
                    .toList();
        }
    }

    private static String failed(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(ExitCodes.FAILED, r.code(), r.err());
        return r.errLine();
    }

    @Test
    void anOlderCheckpointStaysByteIdenticalWhenTheNewOneDoesNotFit() throws IOException {
        Path out = disk.resolve("run.json");
        assertEquals(0, Cli.run("train", "--epochs", "2", "--out", out.toString()).code());
        byte[] before = Files.readAllBytes(out);
        fill();
        assertEquals("plugnet: " + out + ": cannot be written: No space left on device",
                failed("train", "--epochs", "3", "--out", out.toString()));
        assertArrayEquals(before, Files.readAllBytes(out));
        assertEquals(List.of("run.json"), names());
        assertEquals("plugnet: " + out + ": cannot be written: No space left on device",
                failed("train", "--epochs", "3", "--out", out.toString(), "--checkpoint-every", "1"));
        assertArrayEquals(before, Files.readAllBytes(out));
        assertEquals(List.of("run.json"), names());
    }

    @Test
    void aReadOnlyFileSystemIsRefusedBeforeAnyWorkAndAnOlderCheckpointStays() throws Exception {
        Path out = disk.resolve("run.json");
        assertEquals(0, Cli.run("train", "--epochs", "2", "--out", out.toString()).code());
        byte[] before = Files.readAllBytes(out);
        Process p = new ProcessBuilder("mount", "-o", "remount,ro", disk.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "remount read-only");
        for (String[] args : new String[][] {
                {"train", "--epochs", "2", "--out", out.toString()},
                {"train", "--epochs", "2", "--out", disk.resolve("sub/new.json").toString()},
                {"train", "--epochs", "2", "--out", dir.resolve("ro-h.json").toString(), "--history",
                        disk.resolve("h.csv").toString()},
                {"predict", "--model", model.toString(), "--data", "thyroid", "--out", disk.resolve("p.csv").toString()},
                {"plugins", "--schema", disk.resolve("schema.json").toString()}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
            assertEquals(true, r.errLine().endsWith(": cannot be made: the folder " + disk + " cannot be written (a"
                    + " read-only file system)"), r.err());
            assertEquals("", r.out(), "refused before any work");
        }
        assertArrayEquals(before, Files.readAllBytes(out));
        assertEquals(List.of("run.json"), names());
    }

    @Test
    void aHistoryFileThatFillsTheDiskStopsTheRunWhichKeepsItsCheckpoint() throws Exception {
        Process p = new ProcessBuilder("mount", "-o", "remount,size=8k", disk.toString()).redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "remount with 8 KiB");
        Path history = disk.resolve("h.csv");
        Path out = dir.resolve("stopped.json");
        Cli.Result r = Cli.run("train", "--epochs", "400", "--patience", "0", "--out", out.toString(), "--history",
                history.toString());
        assertEquals(ExitCodes.FAILED, r.code(), r.err());
        var h = new dev.plugnet.core.checkpoint.CheckpointReader(dev.plugnet.core.Plugnet.boot().json(),
                dev.plugnet.core.Plugnet.boot().reader()).read(out).history();
        assertEquals("plugnet: --history " + history + ": cannot be written: No space left on device; training"
                + " stopped after epoch " + h.size() + " and kept epoch " + h.size() + " in " + out + " (continue"
                + " with --resume " + out + ")", r.errLine());
        assertEquals(true, h.size() > 10 && h.size() < 400, h.size() + " epochs");
        p = new ProcessBuilder("mount", "-o", "remount,size=512k", disk.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "remount with 512 KiB");
        r = Cli.run("train", "--resume", out.toString(), "--epochs", "5", "--out", out.toString(), "--history",
                history.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(history);
        int cells = lines.get(0).split(",", -1).length;
        long previous = 0;
        for (String line : lines.subList(1, lines.size())) {
            assertEquals(cells, line.split(",", -1).length, "a whole line: " + line);
            long epoch = Long.parseLong(line.substring(0, line.indexOf(',')));
            assertEquals(true, epoch > previous, "each epoch once, in order: " + line);
            previous = epoch;
        }
        assertEquals(h.size() + 5, previous);
    }

    @Test
    void predictionsThePlotTheSchemaAndTheHistoryFailWithOneLineAndLeaveNothing() throws IOException {
        fill();
        Path predictions = disk.resolve("p.csv");
        assertEquals("plugnet: --out " + predictions + ": cannot be written: No space left on device",
                failed("predict", "--model", model.toString(), "--data", "thyroid", "--out", predictions.toString()));
        Path plot = disk.resolve("curves.png");
        assertEquals("plugnet: --plot " + plot + ": cannot be written: No space left on device",
                failed("train", "--epochs", "2", "--out", dir.resolve("plotted.json").toString(), "--plot",
                        plot.toString()));
        Path schema = disk.resolve("schema.json");
        assertEquals("plugnet: --schema " + schema + ": cannot be written: No space left on device",
                failed("plugins", "--schema", schema.toString()));
        Path history = disk.resolve("h.csv");
        assertEquals("plugnet: --history " + history + ": cannot be written: No space left on device",
                failed("train", "--epochs", "2", "--out", dir.resolve("h.json").toString(), "--history",
                        history.toString()));
        assertEquals(List.of(), names());
        assertFalse(Files.exists(predictions));
    }
}
