package dev.plugnet.app;

/** The app's exit codes. */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** A run that failed: a check above its tolerance, training that met a non-finite value. */
    public static final int FAILED = 1;
    /** Bad usage or bad input: a flag, a config, a data file, a checkpoint. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
