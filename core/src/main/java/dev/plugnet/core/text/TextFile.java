package dev.plugnet.core.text;

import dev.plugnet.core.files.IoReasons;
import dev.plugnet.core.files.BoundedRead;
import dev.plugnet.core.files.TooLargeException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A whole text file read the way plugnet's JSON readers read one: through {@link BoundedRead} with a limit,
 * strictly as UTF-8 (a UTF-8 byte-order mark is dropped), with one message for each way it can fail.
 */
public final class TextFile {
    private TextFile() {
    }

    /** Why a text file could not be read: its location and problem, for the caller's own exception type. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String location;
        private final String problem;

        Unreadable(String location, String problem) {
            super(location + ": " + problem, null, false, false);
            this.location = location;
            this.problem = problem;
        }

        /** @return the file, and the byte where that is known */
        public String location() {
            return location;
        }

        /** @return what is wrong */
        public String problem() {
            return problem;
        }
    }

    /**
     * @param what the kind of file, for messages: {@code "model file"}
     * @param limitProperty the system property that raises the limit
     * @return the file's text
     * @throws Unreadable if it is missing, a folder, unreadable, larger than {@code limit} or not UTF-8
     */
    public static String read(Path file, long limit, String what, String limitProperty) throws Unreadable {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new Unreadable(source, "is a folder, not a " + what);
        }
        try {
            return decode(source, BoundedRead.bytes(file, limit, noNul(source, what)), what);
        } catch (NulByte e) {
            throw new Unreadable(e.location, e.problem);
        } catch (TooLargeException e) {
            throw new Unreadable(source, "the " + what + " " + e.describe() + " (raise it with -D"
                    + limitProperty + "=N)");
        } catch (NoSuchFileException e) {
            throw new Unreadable(source, "no such file");
        } catch (AccessDeniedException e) {
            throw new Unreadable(source, "cannot be read: permission denied");
        } catch (IOException e) {
            throw new Unreadable(source, "cannot be read: " + IoReasons.of(e));
        }
    }

    /** Reads a stream (not closed) the same way. */
    public static String read(InputStream in, String source, long limit, String what, String limitProperty)
            throws Unreadable {
        try {
            return decode(source, BoundedRead.bytes(in, limit, noNul(source, what)), what);
        } catch (NulByte e) {
            throw new Unreadable(e.location, e.problem);
        } catch (TooLargeException e) {
            throw new Unreadable(source, "the " + what + " " + e.describe() + " (raise it with -D"
                    + limitProperty + "=N)");
        } catch (IOException e) {
            throw new Unreadable(source, "cannot be read: " + IoReasons.of(e));
        }
    }

    /** A NUL byte, found while reading: no text file plugnet reads may hold one. */
    private static final class NulByte extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String location;
        private final String problem;

        NulByte(String location, String problem) {
            super(problem, null, false, false);
            this.location = location;
            this.problem = problem;
        }
    }

    /** @return an inspector that refuses a NUL byte as soon as it is read (binary data, {@code /dev/zero}) */
    private static BoundedRead.Inspector noNul(String source, String what) {
        return (bytes, from, to, offset) -> {
            if (offset == 0 && to - from >= 2 && ((bytes[from] == (byte) 0xFE && bytes[from + 1] == (byte) 0xFF)
                    || (bytes[from] == (byte) 0xFF && bytes[from + 1] == (byte) 0xFE))) {
                throw new NulByte(source, "is UTF-16 text; save the " + what + " as UTF-8");
            }
            for (int i = from; i < to; i++) {
                if (bytes[i] == 0) {
                    throw new NulByte(source + " byte " + (offset + i - from + 1), "holds a NUL byte: not a text "
                            + what);
                }
            }
        };
    }

    /** @return the bytes as text, or an {@link Unreadable} naming the first byte that is not UTF-8 */
    public static String decode(String source, byte[] bytes, String what) throws Unreadable {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new Unreadable(source, "is UTF-16 text; save the " + what + " as UTF-8");
        }
        StrictUtf8.Decoded decoded = StrictUtf8.decode(bytes);
        if (!decoded.ok()) {
            throw new Unreadable(source + " byte " + (decoded.badByte() + 1), "not UTF-8 text; save the " + what
                    + " as UTF-8");
        }
        String text = decoded.text();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
