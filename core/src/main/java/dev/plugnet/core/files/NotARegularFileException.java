package dev.plugnet.core.files;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * The target of a write exists and is not a regular file (a device, a FIFO, a folder, a socket, or a link to
 * one): plugnet never replaces it.
 */
public final class NotARegularFileException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    public NotARegularFileException(Path file, String what) {
        super(file.toString(), null, "is " + what + ", not a regular file; plugnet writes only regular files");
    }
}
