package dev.plugnet.core;

import java.util.function.Consumer;

/** Where a {@link Plugnet}'s warnings at run time go, one line each (the command-line app: its standard error). */
final class RunWarnings {
    private final Consumer<String> sink;

    RunWarnings(Consumer<String> sink) {
        this.sink = sink;
    }

    void warn(String message) {
        sink.accept(message);
    }
}
