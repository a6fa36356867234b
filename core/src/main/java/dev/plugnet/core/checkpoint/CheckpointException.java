package dev.plugnet.core.checkpoint;

import dev.plugnet.api.PlugnetException;

/**
 * A checkpoint that cannot be used: unreadable, malformed, from a newer plugnet, or needing plugins that are
 * not installed. The location names the file and, where there is one, the JSON path.
 */
public class CheckpointException extends PlugnetException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String location, String problem) {
        super(location, problem);
    }

    public CheckpointException(String location, String problem, Throwable cause) {
        super(location, problem, cause);
    }
}
