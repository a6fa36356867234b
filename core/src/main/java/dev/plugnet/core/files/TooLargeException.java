package dev.plugnet.core.files;

import java.io.IOException;

/** A file or stream holds more than its reader's limit; reading stopped at the limit. */
public final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long limit;
    private final long size;

    /**
     * @param limit the limit, in bytes
     * @param size the file's size if known, else -1 (a device, a FIFO or a stream: read past the limit)
     */
    public TooLargeException(long limit, long size) {
        super(size < 0 ? "more than " + limit + " bytes" : size + " bytes");
        this.limit = limit;
        this.size = size;
    }

    /** @return the limit, in bytes */
    public long limit() {
        return limit;
    }

    /** @return the size if known (a regular file), else -1 */
    public long size() {
        return size;
    }

    /** @return {@code "is 9,000,000 bytes; the limit is 8,388,608"}, or {@code "is larger than …"} */
    public String describe() {
        return size < 0 ? String.format(java.util.Locale.ROOT, "is larger than the limit of %,d bytes", limit)
                : String.format(java.util.Locale.ROOT, "is %,d bytes; the limit is %,d", size, limit);
    }
}
