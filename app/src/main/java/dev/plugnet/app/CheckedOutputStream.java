package dev.plugnet.app;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output that remembers its first write error ({@link java.io.PrintWriter} swallows them): a full
 * disk, a closed pipe or a device that refuses writes. Once a write has failed, every later write fails too,
 * so the output is never continued past a gap.
 */
final class CheckedOutputStream extends FilterOutputStream {
    private IOException failure;

    CheckedOutputStream(OutputStream out) {
        super(out);
    }

    /** @return the first write error, or {@code null} if every write so far succeeded */
    IOException failure() {
        return failure;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw failure;
        }
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        if (failure != null) {
            throw failure;
        }
        try {
            out.flush();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }
}
