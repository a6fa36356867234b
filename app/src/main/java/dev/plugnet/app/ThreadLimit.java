package dev.plugnet.app;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The most threads {@code --threads} may ask for: {@value #PER_CORE} per available processor. More threads
 * than that cannot make products faster, and a huge count only exhausts the operating system's threads.
 */
final class ThreadLimit {
    /** Threads allowed per available processor. */
    static final int PER_CORE = 4;

    private ThreadLimit() {
    }

    /** @return the limit on this machine */
    static int max() {
        return PER_CORE * Runtime.getRuntime().availableProcessors();
    }

    /** @throws ParameterException if {@code threads} is below 1 or above {@link #max()} */
    static void check(CommandLine cli, int threads) {
        if (threads < 1 || threads > max()) {
            throw new ParameterException(cli, "--threads must be from 1 to " + max() + " (" + PER_CORE + " per core"
                    + " on this machine's " + Runtime.getRuntime().availableProcessors() + "), got " + threads);
        }
    }
}
