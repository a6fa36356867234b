package dev.plugnet.app;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.checkpoint.CheckpointReader;
import dev.plugnet.core.train.EpochStats;
import dev.plugnet.core.train.History;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long run's checkpoint stays the same size however many epochs it has trained (its history keeps every
 * epoch up to {@link History#MAX_ENTRIES}, then an evenly spaced record with the first, the kept and the last
 * epochs), a run resumed from a thinned history keeps exactly what an uninterrupted one keeps and trains to the
 * same weights, and {@code --history FILE} has every epoch once, through the real command line. A tiny network
 * on eight rows keeps thousands of epochs quick.
 */
class BoundedHistoryTest {
    private static final int LONG = 4000;

    @TempDir
    static Path dir;

    private static Path config;
    private static Path data;
    private static Path thousand;
    private static Path uninterrupted;
    private static Path uninterruptedHistory;
    private static CheckpointReader reader;

    @BeforeAll
    static void trainTheUninterruptedRuns() throws IOException {
        config = dir.resolve("tiny.json");
        Files.writeString(config, """
                {"name": "tiny", "inputs": 2, "layers": [{"type": "dense", "units": 2, "activation": "softmax"}],
                 "loss": "cross_entropy", "optimizer": {"type": "adam", "learning_rate": 0.01},
                 "training": {"epochs": 10, "batch_size": 4, "patience": 0, "validation_fraction": 0.25,
                              "test_fraction": 0}}
                """);
        data = dir.resolve("d.csv");
        Files.writeString(data, "a,b,y\n0,0,n\n1,1,p\n0,1,n\n1,0,p\n0.1,0,n\n1,0.9,p\n0,0.2,n\n0.9,1,p\n");
        thousand = train("1000.json", "--epochs", "1000");
        uninterrupted = dir.resolve("long.json");
        uninterruptedHistory = dir.resolve("long.csv");
        train("long.json", "--epochs", String.valueOf(LONG), "--history", uninterruptedHistory.toString());
        reader = new CheckpointReader(Plugnet.boot().json(), Plugnet.boot().reader());
    }

    private static Path train(String out, String... more) {
        Path file = dir.resolve(out);
        List<String> args = new java.util.ArrayList<>(List.of("train", "--config", config.toString(), "--data",
                data.toString(), "--out", file.toString()));
        args.addAll(List.of(more));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return file;
    }

    @Test
    void aLongRunsCheckpointIsTheSizeOfAThousandEpochRunsAndKeepsAnEvenlySpacedHistory() throws IOException {
        // at most the two extra entries (the kept and the last) and longer epoch numbers: within 2%
        long bound = Files.size(thousand) * 102 / 100;
        assertTrue(Files.size(uninterrupted) <= bound, Files.size(uninterrupted) + " bytes after " + LONG
                + " epochs, " + bound + " after 1000");
        History h = reader.read(uninterrupted).history();
        assertEquals(LONG, h.size());
        assertEquals(LONG, h.bestEpoch()); // patience 0: the last epoch is kept
        assertTrue(h.epochs().size() <= History.MAX_ENTRIES + 2, h.epochs().size() + " entries");
        long stride = History.stride(LONG);
        assertEquals(4, stride);
        assertEquals(1, h.epochs().get(0).epoch());
        for (int i = 1; i < h.epochs().size() - 1; i++) {
            assertEquals(1 + i * stride, h.epochs().get(i).epoch());
        }
        assertEquals(LONG, h.last().epoch());
        assertEquals(1000, reader.read(thousand).history().epochs().size()); // up to the cap: every epoch
    }

    @Test
    void aRunResumedFromAThinnedHistoryKeepsWhatAnUninterruptedRunKeepsAndTrainsToTheSameWeights()
            throws IOException {
        Path part = dir.resolve("part.csv");
        Path resumed = train("resumed.json", "--epochs", "1500", "--history", part.toString());
        // a run killed after its checkpoint wrote later epochs to the history file: they are written again
        Files.writeString(part, "1501,9,9,9,9,9\n1502,9,9,9,9,9\n", java.nio.file.StandardOpenOption.APPEND);
        Cli.Result r = Cli.run("train", "--resume", resumed.toString(), "--data", data.toString(), "--epochs",
                String.valueOf(LONG - 1500), "--out", resumed.toString(), "--history", part.toString(),
                "--checkpoint-every", "700");
        assertEquals(0, r.code(), r.err());
        Checkpoint a = reader.read(uninterrupted);
        Checkpoint b = reader.read(resumed);
        assertEquals(a.history(), b.history());
        for (String name : a.weights().keySet()) {
            assertArrayEquals(a.weights().get(name).data(), b.weights().get(name).data(), name);
        }
        assertEquals(Files.readString(uninterruptedHistory), Files.readString(part));
        List<String> lines = Files.readAllLines(part);
        assertEquals(LONG + 1, lines.size());
        assertEquals("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,learning_rate,train_mae,"
                + "train_rmse,train_r2,validation_mae,validation_rmse,validation_r2", lines.get(0));
        for (int e = 1; e <= LONG; e++) {
            assertTrue(lines.get(e).startsWith(e + ","), lines.get(e));
        }
    }

    @Test
    void earlyStoppingThePlotAndResumeWorkOnAThinnedHistory() throws IOException {
        Path out = train("early.json", "--epochs", "3000", "--patience", "2500", "--learning-rate", "0.5");
        History h = reader.read(out).history();
        EpochStats best = h.epoch(h.bestEpoch());
        assertNotNull(best, "the kept epoch is in the history");
        assertTrue(h.epochs().size() <= History.MAX_ENTRIES + 2);
        Path plot = dir.resolve("early.png");
        Cli.Result r = Cli.run("train", "--resume", out.toString(), "--data", data.toString(), "--epochs", "100",
                "--out", out.toString(), "--plot", plot.toString());
        assertEquals(0, r.code(), r.err());
        History after = reader.read(out).history();
        assertEquals(h.size() + 100, after.size());
        assertNotNull(after.epoch(after.bestEpoch()));
        assertTrue(after.bestEpoch() >= h.bestEpoch());
        assertTrue(Files.size(plot) > 1000);
        assertTrue(r.out().contains("kept the weights of epoch " + after.bestEpoch()), r.out());
    }

    @Test
    void theHistoryFileObeysTheOutputRules() throws IOException {
        String[] base = {"train", "--config", config.toString(), "--data", data.toString(), "--epochs", "2",
                "--out", dir.resolve("rules.json").toString(), "--history"};
        Cli.Result r = Cli.run(append(base, data.toString()));
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("plugnet: --history " + data + ": is the same file as --data " + data + "; plugnet never"
                + " overwrites its input (choose another name)", r.errLine());
        Path link = dir.resolve("hard-link.csv");
        Files.createLink(link, data);
        r = Cli.run(append(base, link.toString()));
        assertTrue(r.errLine().contains("is the same file as --data"), r.err());
        r = Cli.run(append(base, dir.resolve("rules.json").toString()));
        assertTrue(r.errLine().contains("is the same file as --out"), r.err());
        r = Cli.run(append(base, "-"));
        assertEquals("plugnet: --history -: the history is written to a file, not to standard output; give a"
                + " file name", r.errLine());
        Path nul = SpecialFiles.nullDevice(Files.createDirectories(dir.resolve("devices")));
        r = Cli.run(append(base, nul.toString()));
        assertTrue(r.errLine().endsWith("is a character device, not a regular file; plugnet writes only regular"
                + " files"), r.err());
        assertTrue(SpecialFiles.isCharacterDevice(nul));
        Path foreign = dir.resolve("notes.csv");
        Files.writeString(foreign, "mine\n");
        r = Cli.run(append(base, foreign.toString()));
        assertEquals("plugnet: --history " + foreign + ": exists and is not a plugnet history (a CSV file starting"
                + " \"epoch,train_loss\"); plugnet replaces only its own files (give --force to replace it)",
                r.errLine());
        assertEquals("mine\n", Files.readString(foreign));
        Path own = dir.resolve("own.csv");
        assertEquals(0, Cli.run(append(base, own.toString())).code());
        assertEquals(0, Cli.run(append(base, own.toString())).code()); // its own file: replaced
        assertEquals(3, Files.readAllLines(own).size());
    }

    private static String[] append(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
