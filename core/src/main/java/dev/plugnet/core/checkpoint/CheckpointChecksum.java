package dev.plugnet.core.checkpoint;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum a checkpoint carries in its last field, {@code "checksum": "sha256:…"}: SHA-256 over the
 * checkpoint's <em>canonical bytes</em>, the UTF-8 of its JSON without the {@code checksum} field, written
 * compactly (no whitespace), fields in file order, numbers as Jackson writes them (doubles in Java's shortest
 * round-trip form). The writer computes it from the tree it writes; the reader re-computes it from the tree it
 * parsed, so a truncated file, an edited value or a foreign file cannot pass for a checkpoint.
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
     * @return {@code sha256:} and 64 lower-case hex digits
     */
    public static String of(ObjectMapper mapper, JsonNode root) {
        JsonNode content = root;
        if (root.has(FIELD) && root instanceof ObjectNode o) {
            ObjectNode copy = o.deepCopy();
            copy.remove(FIELD);
            content = copy;
        }
        byte[] canonical = mapper.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(content);
        try {
            return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
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
