package dev.plugnet.core.plugins;

import java.nio.file.Path;

/**
 * A plugin jar (or folder) that was skipped, and why. Skipping one jar never stops the others from loading.
 *
 * @param source the jar or folder
 * @param reason what is wrong, in plain words: {@code not a valid module: …}, {@code needs module
 *        com.example.missing, which is not installed}, {@code compiled against plugnet api 2.0.0 …}
 */
public record PluginWarning(Path source, String reason) {
    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
