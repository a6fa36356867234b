package dev.plugnet.core.checkpoint;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.data.Preprocessing;
import dev.plugnet.core.data.Standardizer;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.train.History;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checkpoint's checksum, and one clear message for each way a file is not a usable checkpoint. */
class CheckpointChecksumTest {
    private static final Plugnet PLUGNET = Plugnet.boot();

    @TempDir
    Path dir;

    private Path file;
    private String text;

    private static Checkpoint checkpoint() {
        AssembledModel model = PLUGNET.assemble(PLUGNET.reader().read("""
                {"name": "m", "inputs": 2, "layers": [{"type": "dense", "units": 3, "activation": "sigmoid"},
                 {"type": "dense", "units": 2, "activation": "softmax"}], "loss": "cross_entropy",
                 "optimizer": {"type": "adam", "learning_rate": 0.01}}"""));
        return Checkpoint.capture(model, PLUGNET.registry(), "data.csv", new Preprocessing(List.of("a", "b"), "l",
                new Standardizer(new double[] {0.5, 1.0 / 3}, new double[] {1, 2}), List.of("x", "y")), History.EMPTY);
    }

    @BeforeEach
    void write() throws IOException {
        file = dir.resolve("c.json");
        new CheckpointWriter(PLUGNET.json(), PLUGNET.writer()).write(file, checkpoint());
        text = Files.readString(file);
    }

    private String refused(String content) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, content);
        return refused(f);
    }

    private static String refused(Path f) {
        return assertThrows(CheckpointException.class,
                () -> new CheckpointReader(PLUGNET.json(), PLUGNET.reader()).read(f)).getMessage();
    }

    @Test
    void theChecksumIsTheLastFieldAndCoversTheCanonicalBytesOfEverythingElse() throws IOException {
        assertTrue(text.matches("(?s).*\"checksum\" : \"sha256:[0-9a-f]{64}\"\\s*}\\s*"), text);
        ObjectNode root = (ObjectNode) PLUGNET.json().readTree(text);
        String written = root.remove("checksum").stringValue();
        byte[] canonical = PLUGNET.json().writer()
                .without(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
        assertEquals(written, "sha256:" + java.util.HexFormat.of().formatHex(sha256(canonical)));
        // the same checkpoint gives the same bytes
        Path again = dir.resolve("again.json");
        new CheckpointWriter(PLUGNET.json(), PLUGNET.writer()).write(again, checkpoint());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
        new CheckpointReader(PLUGNET.json(), PLUGNET.reader()).read(file);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anEditedValueIsRefusedByTheChecksum() throws IOException {
        String edited = text.replace("0.5", "0.25");
        assertTrue(refused(edited).startsWith(dir.resolve("bad.json") + " checksum: does not match the contents:"
                + " the file was edited or damaged after plugnet wrote it (it says sha256:"));
    }

    @Test
    void reformattingKeepsTheSameValuesAndStillLoads() throws IOException {
        Path f = dir.resolve("compact.json");
        String compact = text.replace("\n", "").replace(" : ", ":");
        assertTrue(compact.length() < text.length(), "the layout changed");
        Files.writeString(f, compact);
        Checkpoint loaded = new CheckpointReader(PLUGNET.json(), PLUGNET.reader()).read(f);
        // written again, the loaded checkpoint is byte for byte the original file: every value survived
        Path again = dir.resolve("again.json");
        new CheckpointWriter(PLUGNET.json(), PLUGNET.writer()).write(again, loaded);
        assertEquals(text, Files.readString(again));
    }

    @Test
    void aTruncatedFileSaysItWasCutShortAndWhere() throws IOException {
        String m = refused(text.substring(0, text.length() / 2));
        assertTrue(m.matches(".*bad\\.json line \\d+, column \\d+: truncated: the JSON ends before the checkpoint"
                + " does \\(the file was cut short\\)"), m);
        assertEquals(dir.resolve("bad.json") + ": is empty (0 bytes): not a checkpoint, or one cut short", refused(""));
    }

    @Test
    void aMissingChecksumIsRefused() throws IOException {
        String m = refused(text.replaceAll(",\\s*\"checksum\" : \"sha256:[0-9a-f]+\"", ""));
        assertEquals(dir.resolve("bad.json") + " checksum: missing: a format-2 checkpoint ends with \"checksum\":"
                + " \"sha256:…\"; the file was cut or edited", m);
    }

    @Test
    void foreignFilesSayWhatTheyAre() throws IOException {
        Path bad = dir.resolve("bad.json");
        assertEquals(bad + " $: not a checkpoint but a model config (it has \"layers\" and no \"kind\":"
                + " \"plugnet-checkpoint\"); a model file is given with --config",
                refused("{\"inputs\": 2, \"layers\": []}"));
        assertEquals(bad + " kind: not a plugnet checkpoint (expected \"kind\": \"plugnet-checkpoint\", got nothing)",
                refused("{\"name\": \"package.json\", \"version\": \"1.0.0\"}"));
        assertEquals(bad + " $: not a plugnet checkpoint: the file holds a list of 2, not an object with \"kind\":"
                + " \"plugnet-checkpoint\"", refused("[1, 2]"));
        assertEquals(bad + " line 1: not a plugnet checkpoint: not JSON (it starts with \"a,b,label\\u000a1,…\")",
                refused("a,b,label\n1,2,x\n"));
        Files.write(bad, new byte[] {'{', (byte) 0xff, (byte) 0xd8, 0, 1});
        assertEquals(bad + " byte 2: not a plugnet checkpoint: not UTF-8 text (a binary or foreign file)", refused(bad));
    }

    @Test
    void aFormatOneCheckpointWithoutAChecksumStillLoads() throws IOException {
        String v1 = text.replace("\"format\" : 2", "\"format\" : 1")
                .replaceAll(",\\s*\"checksum\" : \"sha256:[0-9a-f]+\"", "");
        Path f = dir.resolve("v1.json");
        Files.writeString(f, v1, StandardCharsets.UTF_8);
        assertEquals(List.of("x", "y"), new CheckpointReader(PLUGNET.json(), PLUGNET.reader()).read(f)
                .preprocessing().labelNames());
    }
}
