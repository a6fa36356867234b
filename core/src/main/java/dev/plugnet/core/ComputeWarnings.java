package dev.plugnet.core;

import java.util.function.Consumer;

/** Where run-time warnings go when the caller names no other place. */
final class ComputeWarnings {
    /** One line on standard error, {@code plugnet: warning: …}. */
    static final Consumer<String> STANDARD_ERROR = message -> System.err.println("plugnet: warning: " + message);

    private ComputeWarnings() {
    }
}
