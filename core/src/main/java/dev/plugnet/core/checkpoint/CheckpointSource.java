package dev.plugnet.core.checkpoint;

/**
 * A checkpoint as it was read, with what is known of its origin.
 *
 * @param checkpoint its contents, decoded and validated
 * @param source names it in messages (the file, or what the caller called the stream or text)
 * @param format the format it was written in
 * @param verified whether a checksum proved it is what plugnet wrote; {@code false} only for a format-1 file,
 *        which has none: it may be used for inference, but a run is never resumed from it
 */
public record CheckpointSource(Checkpoint checkpoint, String source, int format, boolean verified) {
    /**
     * @param warnings hears {@link #warning()} if there is one
     * @return the checkpoint
     */
    public Checkpoint checkpoint(java.util.function.Consumer<String> warnings) {
        if (!verified) {
            warnings.accept(warning());
        }
        return checkpoint;
    }

    /** @return the warning to show for an unverified (format-1) checkpoint, or {@code null} */
    public String warning() {
        return verified ? null : source + " is a format-1 checkpoint, written before checkpoints had checksums:"
                + " its contents cannot be verified (train again, or resave it with this plugnet, to seal it)";
    }
}
