package dev.plugnet.core.plugins;

import java.nio.file.Path;

/**
 * Something from a plugin folder that was skipped, and why. Skipping one jar, provider or name never stops the
 * others from loading.
 *
 * @param source the jar or folder
 * @param subject what was skipped, as a message names it: {@code plugin /…/x.jar} for a whole jar,
 *        {@code layer provider com.x.Bad in /…/x.jar} for one provider, {@code layer plugins named "swish" in
 *        /…/a.jar and /…/b.jar} for a clash
 * @param reason what is wrong, in plain words: {@code not a valid module: …}, {@code needs module
 *        com.example.missing, which is not installed}, {@code compiled against plugnet api 2.0.0 …}
 */
public record PluginWarning(Path source, String subject, String reason) {
    /** A warning about a whole jar or folder. */
    public PluginWarning(Path source, String reason) {
        this(source, "plugin " + source, reason);
    }

    /** @return the warning as one line: {@code SUBJECT skipped: REASON} */
    public String describe() {
        return subject + " skipped: " + reason;
    }

    @Override
    public String toString() {
        return describe();
    }
}
