package dev.plugnet.core.checkpoint;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.data.Preprocessing;
import dev.plugnet.core.data.Standardizer;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.NamedParameter;
import dev.plugnet.core.train.EpochStats;
import dev.plugnet.core.train.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointRoundTripTest {
    private static final Plugnet PLUGNET = Plugnet.boot();

    @TempDir
    Path dir;

    private AssembledModel model() {
        return PLUGNET.assemble(PLUGNET.reader().read("""
                {"name": "m", "inputs": 2, "layers": [{"type": "dense", "units": 3, "activation": "sigmoid"},
                 {"type": "dense", "units": 2, "activation": "softmax"}], "loss": "cross_entropy",
                 "optimizer": {"type": "adam", "learning_rate": 0.01}}"""));
    }

    @Test
    void everyDoubleReadsBackBitForBitWithOptimizerStatePreprocessingAndHistory() {
        AssembledModel model = model();
        // awkward values: subnormal, the largest double, a value with 17 significant digits
        Matrix w = model.network().namedParameters().get(0).parameter().value();
        w.set(0, 0, Double.MIN_VALUE);
        w.set(0, 1, Double.MAX_VALUE);
        w.set(1, 0, 0.1 + 0.2);
        w.set(1, 1, -0.0);
        List.copyOf(model.optimizer().state().values()).get(model.optimizer().state().size() - 1).set(0, 0, Math.PI / 3);
        Preprocessing pre = new Preprocessing(List.of("f1", "f2"), "label",
                new Standardizer(new double[] {1.0 / 3, 2}, new double[] {Math.E, 1}), List.of("no", "yes"));
        History history = new History(List.of(new EpochStats(1, 0.7, 0.5, Double.NaN, Double.NaN, 0.01)), 1, false);
        Checkpoint c = Checkpoint.capture(model, PLUGNET.registry(), "data.csv", pre, history);
        Path file = dir.resolve("c.json");
        new CheckpointWriter(PLUGNET.json(), PLUGNET.writer()).write(file, c);

        CheckpointReader reader = new CheckpointReader(PLUGNET.json(), PLUGNET.reader());
        Checkpoint back = reader.read(file);
        assertEquals(c.config(), back.config());
        assertEquals(c.weights(), back.weights(), "Matrix.equals compares every bit");
        assertEquals(c.optimizerState(), back.optimizerState());
        assertEquals(c.preprocessing(), back.preprocessing());
        assertEquals(c.plugins(), back.plugins());
        assertEquals(1, back.history().size());
        assertTrue(Double.isNaN(back.history().epochs().get(0).validationLoss()));

        AssembledModel restored = reader.restore(back, PLUGNET.assembler(), PLUGNET.registry(), file.toString());
        List<NamedParameter> a = model.network().namedParameters();
        List<NamedParameter> b = restored.network().namedParameters();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).parameter().value(), b.get(i).parameter().value());
        }
        assertEquals(model.optimizer().state(), restored.optimizer().state());
    }

    @Test
    void namesThePluginsTheModelUsesWithTheirModules() {
        Checkpoint c = Checkpoint.capture(model(), PLUGNET.registry(), null,
                new Preprocessing(List.of("a", "b"), "l", new Standardizer(new double[2], new double[] {1, 1}),
                        List.of("x", "y")), History.EMPTY);
        List<String> described = c.plugins().stream().map(PluginUse::describe).toList();
        assertTrue(described.get(0).startsWith("layer \"dense\" (module dev.plugnet.layers.dense"), described.toString());
        assertTrue(described.stream().anyMatch(s -> s.startsWith("shortcut \"softmax_cross_entropy\"")), described.toString());
        assertEquals(6, described.size(), "dense once, sigmoid, softmax, cross_entropy, adam, the shortcut");
    }

    @Test
    void aWriteReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("out.json");
        Files.writeString(file, "old");
        AtomicFiles.write(file, "new".getBytes());
        assertEquals("new", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFolderInTheWayFailsWithoutLeavingATemporaryFile() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(folder.resolve("inside"), "x");
        assertThrows(IOException.class, () -> AtomicFiles.write(folder, "new".getBytes()));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(folder), files.toList());
        }
    }
}
