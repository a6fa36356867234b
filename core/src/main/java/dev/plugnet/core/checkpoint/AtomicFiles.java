package dev.plugnet.core.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import dev.plugnet.core.files.FileType;
import dev.plugnet.core.files.IoReasons;
import dev.plugnet.core.files.NotARegularFileException;

import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that a crash never leaves a half-written one in its place: the bytes go to a temporary file
 * in the same folder, are forced to disk, and the temporary file is renamed over the target in one atomic
 * step; the folder is then forced too, so the rename survives a power cut.
 *
 * <p>Only a regular file is ever replaced: a target that exists as a device, a FIFO, a folder or a socket (or a
 * symbolic link to one) is refused with a {@link NotARegularFileException} before anything is written, so
 * {@code /dev/null} named as an output stays a device. A symbolic link to a regular file is kept: the file it
 * points to is replaced, in its own folder.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * @param target the file to create or replace
     * @param bytes its new content
     * @throws NotARegularFileException if the target exists and is not a regular file (links followed)
     * @throws IOException if it cannot be written; the target is then unchanged and no temporary file is left
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path absolute = regularTarget(target);
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep its default permissions
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        forceFolder(folder);
    }

    /**
     * @return the absolute path to replace: {@code target}, or the regular file a symbolic link points to
     * @throws IOException if the target is not a regular file, or a link to nothing
     */
    static Path regularTarget(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (FileType.isDanglingLink(absolute)) {
            throw new FileSystemException(target.toString(), null,
                    "is a symbolic link to a file that does not exist; plugnet does not replace links");
        }
        if (FileType.existsAndIsNotRegular(absolute)) {
            throw new NotARegularFileException(target, FileType.describe(absolute));
        }
        return Files.isSymbolicLink(absolute) ? absolute.toRealPath() : absolute;
    }

    /**
     * @return why a write failed, in words, without the path (messages name it already): {@code "No space left
     *         on device"}, {@code "is a character device, not a regular file; …"}
     */
    public static String reason(IOException e) {
        return IoReasons.of(e);
    }

    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems cannot open or force a folder; the rename itself is still atomic
        }
    }
}
