package dev.plugnet.core.json;

import dev.plugnet.api.ConfigException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one place plugnet's JSON reading is configured: duplicate keys and trailing content are errors, no
 * default typing is ever enabled (a JSON file can never name a Java class), and a syntax error becomes a
 * {@link ConfigException} with its line and column. Nothing is data-bound: readers walk the tree and refuse
 * unknown fields themselves, naming them.
 */
public final class StrictJson {
    private StrictJson() {
    }

    /** JSON nesting deeper than this is refused unless a limit says otherwise. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

    /** @return a new strict mapper that writes indented JSON, with the default nesting limit */
    public static ObjectMapper mapper() {
        return mapper(DEFAULT_MAX_NESTING_DEPTH);
    }

    /** @return a new strict mapper that writes indented JSON and refuses nesting deeper than {@code maxNestingDepth} */
    public static ObjectMapper mapper(int maxNestingDepth) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    /**
     * @return the JSON tree of a file
     * @throws ConfigException if it is missing, unreadable or malformed; the location names the file
     */
    public static JsonNode readTree(ObjectMapper mapper, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot be read: " + e.getMessage());
        }
        try {
            return parse(mapper, text);
        } catch (ConfigException e) {
            throw new ConfigException(file + " " + e.location(), e.problem());
        }
    }

    /** @return the JSON tree of a text */
    public static JsonNode readTree(ObjectMapper mapper, String text) {
        return parse(mapper, text);
    }

    private static JsonNode parse(ObjectMapper mapper, String text) {
        if (text.isBlank()) {
            throw new ConfigException("line 1", "malformed JSON: the document is empty");
        }
        try {
            return mapper.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "document" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            String message = e.getOriginalMessage();
            int newline = message.indexOf('\n');
            // Jackson appends where an unclosed array or object began, with a redacted source: not for people
            String first = (newline < 0 ? message : message.substring(0, newline))
                    .replaceAll("\\s*\\(for \\w+ starting at \\[Source: .*$", "");
            if (e instanceof StreamConstraintsException) {
                int depth = mapper.tokenStreamFactory().streamReadConstraints().getMaxNestingDepth();
                throw new ConfigException(where, first.contains("nesting depth")
                        ? "JSON nested deeper than the limit of " + depth + " (raise it with -Dplugnet.max-nesting-depth=N)"
                        : "JSON exceeds a reading limit: " + first);
            }
            // Jackson's advice names its own switches ("enable `JsonReadFeature…` to allow"): not for people
            first = first.replaceAll(":?\\s*(enable|use) `?\\w+Feature\\.\\w+`?.*$", "");
            if (first.startsWith("Non-standard token 'NaN'") || first.matches("Non-standard token '[-+]?Infinity'.*")) {
                first += " (JSON has no NaN or infinity; plugnet accepts finite numbers only)";
            }
            throw new ConfigException(where, "malformed JSON: " + first);
        }
    }
}
