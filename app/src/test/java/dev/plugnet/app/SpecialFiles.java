package dev.plugnet.app;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Device nodes and FIFOs made inside a test's temporary folder, never a real device: {@code null} is a new
 * node with {@code /dev/null}'s numbers (1, 3), {@code full} one with {@code /dev/full}'s (1, 7: every write
 * fails with "No space left on device"), {@code zero} with {@code /dev/zero}'s (1, 5: endless zero bytes).
 */
final class SpecialFiles {
    private SpecialFiles() {
    }

    /** @return a new character device node {@code folder/name} with the given numbers */
    static Path characterDevice(Path folder, String name, int major, int minor) {
        Path node = folder.resolve(name);
        run("mknod", node.toString(), "c", Integer.toString(major), Integer.toString(minor));
        Assumptions.assumeTrue(Files.exists(node), "mknod needs root; device nodes cannot be made here");
        return node;
    }

    static Path nullDevice(Path folder) {
        return characterDevice(folder, "null", 1, 3);
    }

    static Path fullDevice(Path folder) {
        return characterDevice(folder, "full", 1, 7);
    }

    static Path zeroDevice(Path folder) {
        return characterDevice(folder, "zero", 1, 5);
    }

    /** @return a new FIFO {@code folder/name} */
    static Path fifo(Path folder, String name) {
        Path fifo = folder.resolve(name);
        run("mkfifo", fifo.toString());
        Assumptions.assumeTrue(Files.exists(fifo), "mkfifo failed");
        return fifo;
    }

    /** @return whether {@code file} is still a character device (not replaced by a regular file) */
    static boolean isCharacterDevice(Path file) throws IOException {
        return !Files.isRegularFile(file) && ((Integer) Files.getAttribute(file, "unix:mode") & 0170000) == 0020000;
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException e) {
            Assumptions.abort(command[0] + " is not available: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Assumptions.abort("interrupted");
        }
    }
}
