package dev.plugnet.core.checkpoint;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum a checkpoint carries in its last field, {@code "checksum": "sha256:…"}: SHA-256 over the
 * checkpoint's <em>canonical bytes</em>, the UTF-8 of its JSON text without the top-level {@code checksum}
 * field, re-written compactly (no white space), fields in file order, strings escaped as plugnet writes them,
 * and <em>every number exactly as it is written in the file</em>.
 *
 * <p>Numbers are never re-formatted, so the canonical bytes do not depend on the Java runtime: a checkpoint
 * written on JDK 17 (whose {@code Double.toString} prints {@code 2.0E23} as {@code 1.9999999999999998E23}) has
 * the same canonical bytes on JDK 25 (which would print {@code 2.0E23}). The writer computes the sum over the
 * text it writes; the reader over the text it read. Re-indenting a checkpoint keeps its sum; changing any value,
 * even re-spelling a number with the same value, does not.
 */
public final class CheckpointChecksum {
    /** The field that holds the checksum. */
    public static final String FIELD = "checksum";
    /** The prefix that names the algorithm. */
    public static final String PREFIX = "sha256:";

    private CheckpointChecksum() {
    }

    /**
     * @param root a checkpoint's JSON; a {@code checksum} field in it is left out of the sum
     * @return {@code sha256:} and 64 lower-case hex digits, over the text {@code mapper} writes for it
     */
    public static String of(ObjectMapper mapper, JsonNode root) {
        JsonNode content = root;
        if (root.has(FIELD) && root instanceof ObjectNode o) {
            ObjectNode copy = o.deepCopy();
            copy.remove(FIELD);
            content = copy;
        }
        return ofText(mapper, mapper.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(content));
    }

    /**
     * @param text a checkpoint's JSON text, as written or as read; its top-level {@code checksum} field is left
     *        out of the sum
     * @return {@code sha256:} and 64 lower-case hex digits
     * @throws tools.jackson.core.JacksonException if the text is not JSON
     */
    public static String ofText(ObjectMapper mapper, String text) {
        byte[] canonical = canonical(mapper.tokenStreamFactory(), text);
        try {
            return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** @return the canonical bytes of {@code text}: its tokens re-written compactly, numbers as they are */
    static byte[] canonical(TokenStreamFactory factory, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        try (JsonParser in = factory.createParser(ObjectReadContext.empty(), text);
             JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            int depth = 0;
            for (JsonToken t = in.nextToken(); t != null; t = in.nextToken()) {
                switch (t) {
                    case START_OBJECT -> {
                        g.writeStartObject();
                        depth++;
                    }
                    case END_OBJECT -> {
                        g.writeEndObject();
                        depth--;
                    }
                    case START_ARRAY -> {
                        g.writeStartArray();
                        depth++;
                    }
                    case END_ARRAY -> {
                        g.writeEndArray();
                        depth--;
                    }
                    case PROPERTY_NAME -> {
                        if (depth == 1 && FIELD.equals(in.currentName())) {
                            in.nextToken();
                            in.skipChildren();
                        } else {
                            g.writeName(in.currentName());
                        }
                    }
                    case VALUE_STRING -> g.writeString(in.getString());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(in.getString());
                    case VALUE_TRUE -> g.writeBoolean(true);
                    case VALUE_FALSE -> g.writeBoolean(false);
                    case VALUE_NULL -> g.writeNull();
                    default -> throw new IllegalStateException("unexpected JSON token " + t);
                }
            }
        }
        return out.toByteArray();
    }

    /**
     * Puts (or replaces) the checksum as the last field of {@code root}.
     *
     * @return {@code root}
     */
    public static ObjectNode seal(ObjectMapper mapper, ObjectNode root) {
        root.remove(FIELD);
        root.put(FIELD, of(mapper, root));
        return root;
    }
}
