package dev.plugnet.core.checkpoint;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.network.AssembledModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A checkpoint's checksum does not depend on the Java runtime. The fixture {@code written-on-jdk17.json} was
 * written and sealed on JDK 17, with numbers whose {@code Double.toString} changed in JDK 19 (2.0E23 prints as
 * 1.9999999999999998E23 on 17 and as 2.0E23 on 19 and later; so do 2.363E21, 5.0E22 and 1.0E23). It verifies
 * and reads back to the same doubles on whichever JDK runs this test (the suite runs on 17 and on 25).
 */
class CheckpointAcrossJdksTest {
    private static final Plugnet PLUGNET = Plugnet.boot();

    private static String fixture() throws IOException {
        try (InputStream in = CheckpointAcrossJdksTest.class.getResourceAsStream("written-on-jdk17.json")) {
            return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theFixtureHoldsJdk17sSpellingOfTheNumbers() throws IOException {
        String text = fixture();
        assertTrue(text.contains("1.9999999999999998E23"));
        assertTrue(text.contains("2.3630000000000003E21"));
        assertTrue(text.contains("4.9999999999999996E22"));
        assertTrue(text.contains("9.999999999999999E22"));
    }

    @Test
    void aCheckpointWrittenOnJdk17VerifiesAndReadsBackBitForBitOnThisJdk() throws IOException {
        Checkpoint c = new CheckpointReader(PLUGNET.json(), PLUGNET.reader()).readText(fixture(), "written-on-jdk17.json");
        assertEquals(2.0E23, c.preprocessing().standardizer().means()[0]);
        assertEquals(2.363E21, c.preprocessing().standardizer().means()[1]);
        assertEquals(5.0E22, c.preprocessing().standardizer().scales()[2]);
        assertEquals(1.0E23, c.history().epochs().get(0).trainLoss());
        AssembledModel model = new CheckpointReader(PLUGNET.json(), PLUGNET.reader()).restore(c, PLUGNET.assembler(),
                PLUGNET.registry(), "fixture");
        assertEquals(3, model.network().outputs());
    }

    @Test
    void theChecksumIsOverTheNumbersAsWrittenNotAsThisJdkWouldPrintThem() throws IOException {
        String text = fixture();
        String written = PLUGNET.json().readTree(text).get(CheckpointChecksum.FIELD).stringValue();
        assertEquals(written, CheckpointChecksum.ofText(PLUGNET.json(), text));
        // the same values spelled as JDK 19+ prints them are another text, so another sum
        String respelled = text.replace("1.9999999999999998E23", "2.0E23");
        assertTrue(!written.equals(CheckpointChecksum.ofText(PLUGNET.json(), respelled)));
    }

    @Test
    void aCheckpointWrittenOnThisJdkReadsFromAPathAStreamAndAString(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        CheckpointReader reader = new CheckpointReader(PLUGNET.json(), PLUGNET.reader());
        Checkpoint c = reader.readText(fixture(), "fixture");
        CheckpointWriter writer = new CheckpointWriter(PLUGNET.json(), PLUGNET.writer());
        Path file = dir.resolve("again.json");
        writer.write(file, c);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writer.write(out, c, "a stream");
        assertEquals(Files.readString(file), out.toString(StandardCharsets.UTF_8));
        for (Checkpoint back : new Checkpoint[] {reader.read(file),
            reader.read(new java.io.ByteArrayInputStream(out.toByteArray()), "a stream"),
            reader.readText(writer.toJson(c), "a string")}) {
            assertEquals(writer.toJson(c), writer.toJson(back));
        }
    }
}
