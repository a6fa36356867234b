package dev.plugnet.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a path is on disk, in words a user reads: a regular file, a folder, a character or block device, a
 * FIFO, a socket. plugnet replaces only regular files; everything else is refused by name.
 */
public final class FileType {
    private static final int TYPE_MASK = 0170000;
    private static final int SOCKET = 0140000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int FIFO = 0010000;

    private FileType() {
    }

    /** @return whether {@code file} (links followed) exists and is neither a regular file nor a folder */
    public static boolean isSpecial(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isOther();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @return {@code "a folder"}, {@code "a character device"}, {@code "a FIFO (named pipe)"}, … for a path
     *         that exists and is not a regular file (links followed); {@code "not a regular file"} where the
     *         file system cannot say more
     */
    public static String describe(Path file) {
        if (Files.isDirectory(file)) {
            return "a folder";
        }
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer m) {
                switch (m & TYPE_MASK) {
                    case CHARACTER_DEVICE:
                        return "a character device";
                    case BLOCK_DEVICE:
                        return "a block device";
                    case FIFO:
                        return "a FIFO (named pipe)";
                    case SOCKET:
                        return "a socket";
                    default:
                        break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view: the generic words below
        }
        return "not a regular file";
    }

    /** @return whether {@code file} exists as something other than a regular file (links followed) */
    public static boolean existsAndIsNotRegular(Path file) {
        return Files.exists(file) && !Files.isRegularFile(file);
    }

    /** @return whether {@code file} is a symbolic link whose target does not exist */
    public static boolean isDanglingLink(Path file) {
        return Files.isSymbolicLink(file) && !Files.exists(file) && Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }
}
