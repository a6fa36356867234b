package dev.plugnet.core.files;

import dev.plugnet.api.PlugnetException;

/**
 * An output could not be written: the disk is full, the folder is read-only or gone, the device failed. The
 * input was fine, so this is a failed run rather than bad input; a file written atomically is left as it was
 * before, with no temporary file beside it.
 */
public final class WriteFailedException extends PlugnetException {
    private static final long serialVersionUID = 1L;

    /**
     * @param location the output, as the user named it: {@code --plot curves.png}
     * @param problem what went wrong: {@code cannot be written: No space left on device}
     */
    public WriteFailedException(String location, String problem, Throwable cause) {
        super(location, problem, cause);
    }

    /**
     * @param location the output, as the user named it
     * @param e why writing it failed
     * @return the exception to throw: a refusal to replace what is not a regular file stays bad input
     *         ({@link OutputRefusedException}), anything else is a {@link WriteFailedException}
     */
    public static PlugnetException of(String location, java.io.IOException e) {
        String why = IoReasons.of(e);
        if (e instanceof NotARegularFileException) {
            return new OutputRefusedException(location, why, OutputRefusedException.Reason.NOT_REGULAR);
        }
        return new WriteFailedException(location, "cannot be written: " + why, e);
    }
}
