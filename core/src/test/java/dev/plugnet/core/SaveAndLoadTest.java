package dev.plugnet.core;

import dev.plugnet.core.checkpoint.CheckpointException;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.plugins.InstalledPlugin;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaveAndLoadTest {
    private static final Plugnet PLUGNET = Plugnet.boot();
    private static final ModelSpec SPEC = PLUGNET.parseSpec(Blobs.SPEC);
    private static final Blobs DATA = Blobs.of(150, 11);
    private static final TrainedModel MODEL = PLUGNET.fit(SPEC).epochs(10).on(DATA.featureNames(), DATA.x(), DATA.y());

    private static void assertSamePredictions(TrainedModel expected, TrainedModel actual) {
        double[][] a = expected.predictProbabilities(DATA.x());
        double[][] b = actual.predictProbabilities(DATA.x());
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0, "row " + (i + 1) + " bit for bit");
        }
        assertEquals(expected.featureNames(), actual.featureNames());
        assertEquals(expected.classNames(), actual.classNames());
        assertEquals(expected.standardizer(), actual.standardizer());
        assertEquals(expected.history(), actual.history());
        assertEquals(expected.spec(), actual.spec());
    }

    @Test
    void aModelSurvivesAStreamAStringAndAFile(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MODEL.save(out);
        assertSamePredictions(MODEL, PLUGNET.load(new ByteArrayInputStream(out.toByteArray())));
        assertEquals(MODEL.toJson(), out.toString(StandardCharsets.UTF_8));
        assertSamePredictions(MODEL, PLUGNET.fromJson(MODEL.toJson()));
        Path file = dir.resolve("model.json");
        MODEL.save(file);
        assertEquals(MODEL.toJson(), Files.readString(file));
        assertSamePredictions(MODEL, PLUGNET.load(file));
        assertTrue(MODEL.toJson().matches("(?s)\\{\\s*\"format\" : 2,.*\"checksum\" : \"sha256:[0-9a-f]{64}\"\\s*}\\s*"),
                "the checkpoint format, checksum included");
    }

    @Test
    void aModelLoadsForInferenceWithoutItsOptimizerPluginAndWithoutItsState() {
        assertTrue(MODEL.hasOptimizerState(), "adam's moments, from training");
        List<InstalledPlugin> noOptimizers = PluginRegistry.discover().all().stream()
                .filter(p -> p.kind() != PluginKind.OPTIMIZER).toList();
        Plugnet inference = Plugnet.with(PluginRegistry.of(noOptimizers));
        TrainedModel loaded = inference.fromJson(MODEL.toJson());
        assertFalse(loaded.hasOptimizerState());
        assertSamePredictions(MODEL, loaded);
        Evaluation expected = MODEL.evaluate(DATA.x(), DATA.y());
        Evaluation actual = loaded.evaluate(DATA.x(), DATA.y());
        assertEquals(expected.loss(), actual.loss(), 0.0);
        assertArrayEquals(expected.confusion().counts(), actual.confusion().counts());
    }

    @Test
    void aModelPredictsWithoutItsLossPluginAndItsEvaluationNamesTheMissingLoss() {
        List<InstalledPlugin> forwardOnly = PluginRegistry.discover().all().stream()
                .filter(p -> p.kind() != PluginKind.LOSS && p.kind() != PluginKind.SHORTCUT
                        && p.kind() != PluginKind.OPTIMIZER).toList();
        Plugnet inference = Plugnet.with(PluginRegistry.of(forwardOnly));
        TrainedModel loaded = inference.fromJson(MODEL.toJson());
        assertSamePredictions(MODEL, loaded);
        assertEquals(MODEL.predict(DATA.x()[0]).className(), loaded.newPredictor().predict(DATA.x()[0]).className(),
                "a predictor of its own is built for prediction too");
        CheckpointException e = assertThrows(CheckpointException.class, () -> loaded.evaluate(DATA.x(), DATA.y()));
        assertTrue(e.getMessage().startsWith("checkpoint text: evaluating reports the loss (predict needs only the"
                + " layers and activations), and needs plugins that are not installed: loss \"cross_entropy\""),
                e.getMessage());
        assertTrue(e instanceof dev.plugnet.core.checkpoint.MissingPluginsException, e.getClass().getName());
    }

    @Test
    void aDamagedOrForeignCheckpointIsRefusedWithItsReason() {
        String json = MODEL.toJson();
        String edited = json.replaceFirst("\"epochs\" : 10", "\"epochs\" : 11");
        assertFalse(edited.equals(json));
        CheckpointException e = assertThrows(CheckpointException.class, () -> PLUGNET.fromJson(edited));
        assertTrue(e.getMessage().startsWith("checkpoint text checksum: does not match the contents"), e.getMessage());
        CheckpointException cut = assertThrows(CheckpointException.class,
                () -> PLUGNET.load(new ByteArrayInputStream(json.substring(0, 200).getBytes(StandardCharsets.UTF_8))));
        assertTrue(cut.getMessage().matches("input stream line \\d+, column \\d+: truncated: .*"), cut.getMessage());
        CheckpointException failing = assertThrows(CheckpointException.class, () -> PLUGNET.load(new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        }));
        assertEquals("input stream: cannot be read: connection reset", failing.getMessage());
        assertThrows(CheckpointException.class, () -> PLUGNET.fromJson(Blobs.SPEC));
    }

    @Test
    void aModelLoadedWithoutAPluginItNeedsSaysWhichOne() {
        List<InstalledPlugin> noActivations = PluginRegistry.discover().all().stream()
                .filter(p -> p.kind() != PluginKind.ACTIVATION).toList();
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> Plugnet.with(PluginRegistry.of(noActivations)).fromJson(MODEL.toJson()));
        assertTrue(e.getMessage().startsWith("checkpoint text: needs plugins that are not installed: activation"
                + " \"sigmoid\""), e.getMessage());
    }

    @Test
    void aCheckpointOfATrainedModelResumesWithItsOptimizerState(@TempDir Path dir) {
        Path file = dir.resolve("m.json");
        MODEL.save(file);
        var checkpoint = PLUGNET.checkpointReader().read(file);
        assertEquals(MODEL.weights().size(), checkpoint.weights().size());
        assertFalse(checkpoint.optimizerState().isEmpty());
        TrainedModel restored = PLUGNET.restore(checkpoint, file.toString());
        assertTrue(restored.hasOptimizerState());
        assertEquals(MODEL.toJson(), restored.toJson(), "nothing lost: the same checkpoint again");
    }
}
