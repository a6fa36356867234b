package dev.plugnet.core.reference;

import dev.plugnet.api.ConfigException;
import dev.plugnet.core.json.StrictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceCaseReaderTest {
    private final ReferenceCaseReader reader = new ReferenceCaseReader(StrictJson.mapper());

    private static String edited(String from, String to) throws Exception {
        String text = Files.readString(Path.of("src/test/resources/fixtures/seed-5-4-3-batch1.json"));
        assertTrue(text.contains(from), "fixture contains " + from);
        return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    @Test
    void aRaggedRowNamesItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ragged.json");
        Files.writeString(file, edited("-1.2050371108761633,", ""));
        ConfigException e = assertThrows(ConfigException.class, () -> reader.read(file));
        assertEquals(file + " x[0]", e.location());
        assertEquals("expected 5 numbers, got a list of 4", e.problem());
    }

    @Test
    void aMissingFieldNamesItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("missing.json");
        Files.writeString(file, edited("\"dL_dW\"", "\"dL_dW_renamed\""));
        ConfigException e = assertThrows(ConfigException.class, () -> reader.read(file));
        assertEquals(file + " expected.dL_dW", e.location());
        assertTrue(e.problem().startsWith("missing"), e.problem());
    }

    @Test
    void malformedJsonNamesLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n \"sizes\": [5, 4,\n");
        ConfigException e = assertThrows(ConfigException.class, () -> reader.read(file));
        assertTrue(e.location().startsWith(file + " line "), e.location());
        assertTrue(e.problem().startsWith("malformed JSON"), e.problem());
    }

    @Test
    void aFolderExpandsToItsCasesInNameOrder() {
        var files = ReferenceCaseReader.expand(java.util.List.of(Path.of("src/test/resources/fixtures")));
        assertEquals("seed-5-4-3-batch1.json", files.get(0).getFileName().toString());
        assertEquals(3, files.size());
    }

    @Test
    void aMissingPathIsAnError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ReferenceCaseReader.expand(java.util.List.of(Path.of("no/such/dir"))));
        assertEquals("no such file or folder", e.problem());
    }
}
