package dev.plugnet.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The kinds of file plugnet writes, each recognisable from its first bytes, so that an existing file is
 * replaced only when it is plugnet's own file of the same kind.
 */
public enum OutputKind {
    /** A checkpoint: JSON whose {@code kind} (near the start, where plugnet writes it) is plugnet's. */
    CHECKPOINT("a plugnet checkpoint") {
        @Override
        boolean matches(byte[] head) {
            return KIND.matcher(new String(head, StandardCharsets.UTF_8)).find();
        }
    },
    /** A PNG image (the training curves). */
    PNG("a PNG image") {
        @Override
        boolean matches(byte[] head) {
            return startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        }
    },
    /** Predictions as CSV, with plugnet's header. */
    PREDICTIONS("plugnet predictions (a CSV file starting \"row,predicted\")") {
        @Override
        boolean matches(byte[] head) {
            return startsWith(head, "row,predicted".getBytes(StandardCharsets.US_ASCII));
        }
    },
    /** A training history: CSV, one line per epoch, with plugnet's header. */
    HISTORY("a plugnet history (a CSV file starting \"epoch,train_loss\")") {
        @Override
        boolean matches(byte[] head) {
            return startsWith(head, "epoch,train_loss,".getBytes(StandardCharsets.US_ASCII));
        }
    },
    /** The JSON Schema of the model format. */
    MODEL_SCHEMA("a plugnet model schema") {
        @Override
        boolean matches(byte[] head) {
            String text = new String(head, StandardCharsets.UTF_8);
            return text.stripLeading().startsWith("{") && text.contains("\"$schema\"")
                    && text.contains("https://plugnet.dev/schema/model-");
        }
    };

    private static final int HEAD_BYTES = 4096;
    private static final Pattern KIND = Pattern.compile("\"kind\"\\s*:\\s*\"plugnet-checkpoint\"");

    private final String description;

    OutputKind(String description) {
        this.description = description;
    }

    /** @return what such a file is, for messages: {@code "a plugnet checkpoint"} */
    public String description() {
        return description;
    }

    /**
     * @param file an existing regular file
     * @return whether its first bytes are this kind's
     */
    public boolean recognises(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return matches(in.readNBytes(HEAD_BYTES));
        } catch (IOException e) {
            return false;
        }
    }

    abstract boolean matches(byte[] head);

    private static boolean startsWith(byte[] head, byte[] prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
