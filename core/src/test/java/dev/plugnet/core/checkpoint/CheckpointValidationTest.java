package dev.plugnet.core.checkpoint;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.json.StrictJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sealed checkpoint is still checked for what its values mean: a forged one (edited, then sealed again) with
 * duplicate names, a bad scale or mean, or a class list that does not fit the network is refused with its JSON
 * path; format 1 (no checksum) loads but is marked unverified; input past the limit is refused.
 */
class CheckpointValidationTest {
    private static final Plugnet PLUGNET = Plugnet.boot();
    private final CheckpointReader reader = new CheckpointReader(PLUGNET.json(), PLUGNET.reader());

    private static ObjectNode fixture() throws IOException {
        try (InputStream in = CheckpointValidationTest.class.getResourceAsStream("written-on-jdk17.json")) {
            return (ObjectNode) StrictJson.mapper().readTree(new String(Objects.requireNonNull(in).readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }

    /** @return the message for the fixture edited by {@code edit} and sealed again */
    private String forged(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = fixture();
        edit.accept(root);
        String text = PLUGNET.json().writeValueAsString(CheckpointChecksum.seal(PLUGNET.json(), root));
        CheckpointException e = assertThrows(CheckpointException.class, () -> {
            Checkpoint c = reader.readText(text, "forged.json");
            reader.restore(c, PLUGNET.assembler(), PLUGNET.registry(), "forged.json");
        });
        return e.getMessage();
    }

    private static ArrayNode pre(ObjectNode root, String field) {
        return (ArrayNode) root.get("preprocessing").get(field);
    }

    @Test
    void duplicateFeatureOrClassNames() throws IOException {
        assertEquals("forged.json preprocessing.features[1]: the feature name \"t3_resin_uptake\" appears twice; each"
                + " feature is named once", forged(r -> pre(r, "features").set(1, pre(r, "features").get(0))));
        assertTrue(forged(r -> pre(r, "labels").set(1, pre(r, "labels").get(0)))
                .startsWith("forged.json preprocessing.labels[1]: the class name"));
    }

    @Test
    void aScaleAtOrBelowZeroTinyOrDenormalAndAHugeMean() throws IOException {
        for (double scale : new double[] {0.0, -1.0, 4.9e-324, 1e-310}) {
            String m = forged(r -> pre(r, "scales").set(0, scale));
            assertTrue(m.startsWith("forged.json preprocessing.scales[0]: expected a scale above zero, at least"
                    + " 2.2250738585072014E-308"), m);
        }
        String m = forged(r -> pre(r, "means").set(3, 1e308));
        assertTrue(m.startsWith("forged.json preprocessing.means[3]: expected a mean of magnitude at most 1.0E300"
                + " (feature \"basal_tsh\"), got 1.0E308"), m);
    }

    @Test
    void aClassListThatDoesNotFitTheOutputs() throws IOException {
        assertEquals("forged.json preprocessing.labels: expected one class name for each of the network's 3"
                + " outputs, got 4", forged(r -> pre(r, "labels").add("extra")));
        assertEquals("forged.json preprocessing.labels: expected one class name for each of the network's 3"
                + " outputs, got 2", forged(r -> pre(r, "labels").remove(2)));
    }

    @Test
    void formatOneWithoutAChecksumLoadsUnverifiedWithAWarning() throws IOException {
        ObjectNode root = fixture();
        root.remove("checksum");
        root.put("format", 1);
        CheckpointSource source = reader.open(PLUGNET.json().writeValueAsString(root), "old.json");
        assertEquals(1, source.format());
        assertTrue(!source.verified());
        assertTrue(source.warning().startsWith("old.json is a format-1 checkpoint, written before checkpoints had"
                + " checksums: its contents cannot be verified"));
        // the fixture as written (on JDK 17): re-serialised here, its numbers could be spelled otherwise (JDK 19+)
        try (InputStream in = CheckpointValidationTest.class.getResourceAsStream("written-on-jdk17.json")) {
            assertTrue(reader.open(in, "new.json").verified());
        }
    }

    @Test
    void aCheckpointPastTheLimitIsRefusedWithoutReadingOn() throws IOException {
        CheckpointReader small = new CheckpointReader(PLUGNET.json(), PLUGNET.reader(), new CheckpointLimits(1000));
        String text = PLUGNET.json().writeValueAsString(fixture());
        InputStream endless = new InputStream() {
            private int i;

            @Override
            public int read() {
                return i < text.length() ? text.charAt(i++) : ' ';
            }
        };
        CheckpointException e = assertThrows(CheckpointException.class, () -> small.read(endless, "a pipe"));
        assertEquals("a pipe: the checkpoint is larger than the limit of 1,000 bytes (raise it with"
                + " -Dplugnet.max-checkpoint-bytes=N; by default it grows with -Dplugnet.max-parameters)",
                e.getMessage());
        assertEquals(CheckpointLimits.BASE_BYTES + 75L * 1000, CheckpointLimits.bytesFor(1000));
    }

    @Test
    void binaryInputIsRefusedAtItsFirstBytes() {
        InputStream zeros = new InputStream() {
            private long read;

            @Override
            public int read() {
                read++;
                if (read > 1 << 20) {
                    throw new AssertionError("read on past the first chunk");
                }
                return 0;
            }
        };
        CheckpointException e = assertThrows(CheckpointException.class, () -> reader.read(zeros, "zeros"));
        assertEquals("zeros line 1: not a plugnet checkpoint: not JSON (it starts with"
                + " \"\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000…\")",
                e.getMessage());
        CheckpointException random = assertThrows(CheckpointException.class,
                () -> reader.read(new ByteArrayInputStream(new byte[] {(byte) 0xC3, 0x28, 1, 2, 3, 4, 5}), "noise"));
        assertEquals("noise byte 1: not a plugnet checkpoint: not UTF-8 text (a binary or foreign file)",
                random.getMessage());
    }
}
