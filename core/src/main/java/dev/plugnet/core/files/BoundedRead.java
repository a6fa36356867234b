package dev.plugnet.core.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way plugnet's readers read a whole file or stream: never more than a limit. A regular file larger
 * than the limit is refused by its size before it is read; a device, a FIFO or a stream is read only up to the
 * limit and refused past it, so {@code /dev/zero} or an endless pipe cannot exhaust memory. An optional
 * {@link Inspector} sees each chunk as it arrives and may refuse the input early (binary bytes at the start of
 * a text file, say), before the rest is read.
 */
public final class BoundedRead {
    /** Bytes read at a time. */
    static final int CHUNK = 64 * 1024;
    /** The most a Java byte array (and so one file read whole) can hold. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 64;

    private BoundedRead() {
    }

    /** Looks at input as it is read, and may refuse it by throwing. */
    @FunctionalInterface
    public interface Inspector {
        /**
         * @param bytes the buffer; the new chunk is {@code bytes[from, to)}
         * @param offset the position of {@code bytes[from]} in the whole input
         */
        void inspect(byte[] bytes, int from, int to, long offset);
    }

    /**
     * @return every byte of {@code file} (links followed; a device or FIFO is read as a stream)
     * @throws TooLargeException if it holds more than {@code limit} bytes
     * @throws IOException if it cannot be read (missing, a folder, permission)
     */
    public static byte[] bytes(Path file, long limit, Inspector inspector) throws IOException {
        if (Files.isRegularFile(file)) {
            long size = Files.size(file);
            if (size > limit) {
                throw new TooLargeException(limit, size);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return bytes(in, limit, inspector);
        }
    }

    /**
     * @return every byte of {@code in} (not closed)
     * @throws TooLargeException if it holds more than {@code limit} bytes (reading stops just past it)
     */
    public static byte[] bytes(InputStream in, long limit, Inspector inspector) throws IOException {
        long max = Math.min(limit, MAX_ARRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        while (true) {
            int n = in.read(chunk, 0, (int) Math.min(CHUNK, max - total + 1));
            if (n < 0) {
                return out.toByteArray();
            }
            if (total + n > max) {
                throw new TooLargeException(limit, -1);
            }
            if (inspector != null) {
                inspector.inspect(chunk, 0, n, total);
            }
            out.write(chunk, 0, n);
            total += n;
        }
    }
}
