package dev.plugnet.core.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding for the files plugnet reads (CSV, checkpoints): a malformed byte is reported by its
 * position instead of being replaced, so each reader can say where a foreign or binary file goes wrong.
 */
public final class StrictUtf8 {
    private StrictUtf8() {
    }

    /**
     * The result of decoding.
     *
     * @param text the text, or {@code null} if a byte is not UTF-8
     * @param badByte the 0-based position of the first malformed byte, or -1
     */
    public record Decoded(String text, int badByte) {
        /** @return whether every byte was UTF-8 */
        public boolean ok() {
            return badByte < 0;
        }
    }

    /** @return the bytes as text, or the position of the first byte that is not UTF-8 */
    public static Decoded decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        if (decoder.decode(in, out, true).isError()) {
            return new Decoded(null, in.position());
        }
        decoder.flush(out);
        return new Decoded(out.flip().toString(), -1);
    }
}
