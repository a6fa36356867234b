package dev.plugnet.core.checkpoint;

import dev.plugnet.core.files.BoundedRead;
import dev.plugnet.core.files.LimitProperty;
import dev.plugnet.core.model.ModelLimits;

/**
 * The largest checkpoint plugnet reads: by default scaled to the parameter limit
 * ({@link ModelLimits#maxParameters()}), {@value #BASE_BYTES} bytes for the config, preprocessing and history
 * plus {@value #BYTES_PER_PARAMETER} bytes per parameter (its weight and up to two optimizer values, 25
 * characters each as JSON text), never more than a Java array holds (2 GiB); {@code plugnet.max-checkpoint-bytes}
 * sets it outright.
 *
 * @param maxBytes the largest checkpoint, in bytes
 */
public record CheckpointLimits(long maxBytes) {
    /** Bytes a checkpoint may hold per parameter of the model: three numbers of up to 25 characters. */
    public static final long BYTES_PER_PARAMETER = 75;
    /** Bytes a checkpoint may hold besides its numbers' share: 16 MiB. */
    public static final long BASE_BYTES = 16L << 20;

    /** @return the limit for models of at most {@code limits.maxParameters()} parameters */
    public static CheckpointLimits of(ModelLimits limits) {
        return new CheckpointLimits(bytesFor(limits.maxParameters()));
    }

    /** @return the checkpoint size a model of {@code maxParameters} parameters may need */
    public static long bytesFor(long maxParameters) {
        return (long) Math.min(BASE_BYTES + (double) BYTES_PER_PARAMETER * maxParameters, BoundedRead.MAX_ARRAY);
    }

    /** @return {@code plugnet.max-checkpoint-bytes}, or the limit scaled to the system properties' parameter limit */
    public static CheckpointLimits fromSystemProperties() {
        return new CheckpointLimits(LimitProperty.of("plugnet.max-checkpoint-bytes",
                of(ModelLimits.fromSystemProperties()).maxBytes()));
    }
}
