package dev.plugnet.core.files;

import java.nio.file.Path;

/**
 * A file a command reads, which no output of the same command may replace.
 *
 * @param role how the user named it, for messages: {@code "--data"}, {@code "the config"}
 * @param file the path as given
 */
public record InputFile(String role, Path file) {
}
