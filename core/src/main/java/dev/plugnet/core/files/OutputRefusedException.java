package dev.plugnet.core.files;

import dev.plugnet.api.PlugnetException;

/**
 * An output file plugnet will not write, said before any work is done: why is in {@link #reason()}, so a
 * client can add how to override it where that is allowed.
 */
public final class OutputRefusedException extends PlugnetException {
    private static final long serialVersionUID = 1L;

    /** Why an output is refused. */
    public enum Reason {
        /** It exists and is not a regular file: never replaced. */
        NOT_REGULAR,
        /** It is the same file as one of the inputs: never replaced. */
        SAME_AS_INPUT,
        /** Two outputs of one command are the same file. */
        SAME_AS_OUTPUT,
        /** It exists and is not plugnet's file of the kind written: replaced only when the user insists. */
        FOREIGN,
        /** The name cannot be a file (it ends with a separator, or names a link to nothing). */
        NOT_A_FILE_NAME,
        /** Its folder is not a folder (a regular file on the path) or cannot be written (read-only). */
        FOLDER
    }

    private final Reason reason;

    public OutputRefusedException(String location, String problem, Reason reason) {
        super(location, problem);
        this.reason = reason;
    }

    /** @return why the output is refused */
    public Reason reason() {
        return reason;
    }
}
