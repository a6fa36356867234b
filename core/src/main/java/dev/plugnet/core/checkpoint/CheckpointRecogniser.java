package dev.plugnet.core.checkpoint;

import dev.plugnet.api.ConfigException;
import dev.plugnet.core.files.BoundedRead;
import dev.plugnet.core.json.JsonObjectReader;
import dev.plugnet.core.json.JsonValues;
import dev.plugnet.core.json.StrictJson;
import dev.plugnet.core.text.StrictUtf8;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Tells a plugnet checkpoint from everything else, each with its own message naming the source and where: empty,
 * white space only, not UTF-8 text, not JSON, truncated, malformed, JSON that is not a checkpoint (a model config
 * is named as such), a newer format, a missing checksum or one that does not match (edited or damaged). What it
 * accepts is the checkpoint's JSON tree, its format and whether a checksum verified it.
 */
final class CheckpointRecogniser {
    /**
     * A file recognised as a checkpoint.
     *
     * @param root its top-level object
     * @param format its format
     * @param verified whether its checksum verified it (format 1 has none)
     */
    record Recognised(JsonObjectReader root, int format, boolean verified, String text) {
    }

    private final ObjectMapper mapper;

    CheckpointRecogniser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param source names the checkpoint in messages
     * @throws CheckpointException if the bytes are not a checkpoint this plugnet reads
     */
    Recognised recognise(String source, byte[] bytes) {
        if (bytes.length == 0) {
            throw new CheckpointException(source, "is empty (0 bytes): not a checkpoint, or one cut short");
        }
        StrictUtf8.Decoded decoded = StrictUtf8.decode(bytes);
        if (!decoded.ok()) {
            throw new CheckpointException(source + " byte " + (decoded.badByte() + 1), "not a plugnet checkpoint:"
                    + " not UTF-8 text (a binary or foreign file)");
        }
        return recognise(source, decoded.text());
    }

    /** Recognises checkpoint text. */
    Recognised recognise(String source, String text) {
        String start = text.stripLeading();
        if (start.isEmpty()) {
            throw new CheckpointException(source, "holds only white space: not a checkpoint");
        }
        char first = start.charAt(0);
        if (first != '{' && first != '[') {
            throw new CheckpointException(source + " line 1", "not a plugnet checkpoint: not JSON (it starts with "
                    + startOf(start) + ")");
        }
        JsonNode node = parse(source, text);
        try {
            return recogniseTree(node, text);
        } catch (ConfigException e) {
            throw new CheckpointException(source + " " + e.location(), e.problem());
        }
    }

    /**
     * @return an inspector for {@link dev.plugnet.core.files.BoundedRead} that refuses input whose first bytes
     *         cannot begin a checkpoint (binary data, a device such as {@code /dev/zero}) as soon as they are read,
     *         with the message the whole file would get
     */
    static BoundedRead.Inspector earlyRefusal(String source) {
        return (bytes, from, to, offset) -> {
            if (offset != 0) {
                return;
            }
            int i = from;
            while (i < to && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
                i++;
            }
            if (i == to || bytes[i] == '{' || bytes[i] == '[' || (bytes[i] & 0xff) == 0xEF) {
                return; // JSON, a byte-order mark, or only white space so far: read on
            }
            int length = Math.min(to - from, 256);
            byte[] head = java.util.Arrays.copyOfRange(bytes, from, from + length);
            StrictUtf8.Decoded decoded = StrictUtf8.decode(head);
            if (!decoded.ok() && decoded.badByte() < length - 3) {
                throw new CheckpointException(source + " byte " + (decoded.badByte() + 1), "not a plugnet"
                        + " checkpoint: not UTF-8 text (a binary or foreign file)");
            }
            String text = decoded.ok() ? decoded.text()
                    : StrictUtf8.decode(java.util.Arrays.copyOf(head, decoded.badByte())).text();
            throw new CheckpointException(source + " line 1", "not a plugnet checkpoint: not JSON (it starts with "
                    + startOf(text.stripLeading()) + ")");
        };
    }

    private JsonNode parse(String source, String text) {
        try {
            return mapper.readTree(text);
        } catch (JacksonException e) {
            if (!(e instanceof UnexpectedEndOfInputException)
                    && !String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
                try {
                    StrictJson.readTree(mapper, text);
                } catch (ConfigException c) {
                    return fail(source + " " + c.location(), c.problem());
                }
                return fail(source, "malformed JSON");
            }
            TokenStreamLocation at = e.getLocation();
            return fail(source + (at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr()),
                    "truncated: the JSON ends before the checkpoint does (the file was cut short)");
        }
    }

    private static JsonNode fail(String location, String problem) {
        throw new CheckpointException(location, problem);
    }

    private Recognised recogniseTree(JsonNode node, String text) {
        if (node == null || !node.isObject()) {
            throw new ConfigException("$", "not a plugnet checkpoint: the file holds " + JsonValues.describe(node)
                    + ", not an object with \"kind\": \"" + CheckpointWriter.KIND + "\"");
        }
        JsonObjectReader root = JsonObjectReader.of(node, "$");
        if (!root.has(CheckpointFields.KIND) && (node.has("layers") || node.has("inputs"))) {
            throw new ConfigException("$", "not a checkpoint but a model config (it has \"layers\" and no"
                    + " \"kind\": \"" + CheckpointWriter.KIND + "\"); a model file is given with --config");
        }
        JsonNode kind = root.has(CheckpointFields.KIND) ? root.get(CheckpointFields.KIND) : null;
        if (kind == null || !kind.isString() || !CheckpointWriter.KIND.equals(kind.stringValue())) {
            throw new ConfigException(CheckpointFields.KIND, "not a plugnet checkpoint (expected \"kind\": \""
                    + CheckpointWriter.KIND + "\", got " + JsonValues.describe(kind) + ")");
        }
        int format = root.requireInteger(CheckpointFields.FORMAT, 1);
        if (format > Checkpoint.FORMAT) {
            throw new ConfigException(CheckpointFields.FORMAT, "this checkpoint has format " + format + ", newer"
                    + " than this plugnet reads (up to " + Checkpoint.FORMAT + "); upgrade plugnet");
        }
        if (format >= 2) {
            verifyChecksum(root, text);
        } else if (root.has(CheckpointChecksum.FIELD)) {
            throw new ConfigException(CheckpointChecksum.FIELD, "a format-1 checkpoint has no checksum; this file"
                    + " was edited");
        }
        root.allowOnly(CheckpointFields.TOP);
        return new Recognised(root, format, format >= 2, text);
    }

    private void verifyChecksum(JsonObjectReader root, String text) {
        if (!root.has(CheckpointChecksum.FIELD)) {
            throw new ConfigException(CheckpointChecksum.FIELD, "missing: a format-2 checkpoint ends with"
                    + " \"checksum\": \"sha256:…\"; the file was cut or edited");
        }
        JsonNode written = root.get(CheckpointChecksum.FIELD);
        if (!written.isString() || !written.stringValue().startsWith(CheckpointChecksum.PREFIX)) {
            throw new ConfigException(CheckpointChecksum.FIELD, "expected \"sha256:\" and 64 hex digits, got "
                    + JsonValues.describe(written));
        }
        String actual = CheckpointChecksum.ofText(mapper, text);
        if (!written.stringValue().equals(actual)) {
            throw new ConfigException(CheckpointChecksum.FIELD, "does not match the contents: the file was"
                    + " edited or damaged after plugnet wrote it (it says " + abbreviated(written.stringValue())
                    + ", the contents give " + abbreviated(actual) + ")");
        }
    }

    private static String abbreviated(String checksum) {
        return checksum.length() > 19 ? checksum.substring(0, 19) + "…" : checksum;
    }

    private static String startOf(String text) {
        StringBuilder sb = new StringBuilder("\"");
        text.codePoints().limit(12).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append(text.codePointCount(0, text.length()) > 12 ? "…\"" : "\"").toString();
    }
}
