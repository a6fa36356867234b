package dev.plugnet.testkit;

import dev.plugnet.api.PluginProvider;

import java.util.ArrayList;
import java.util.List;

/** The problems a check found, each one sentence; {@link #verify} turns them into one {@link AssertionError}. */
final class Findings {
    private final String subject;
    private final List<String> problems = new ArrayList<>();

    Findings(String subject) {
        this.subject = subject;
    }

    /** @return the findings of a check of {@code provider}, a plugin of {@code kind} ("layer", "loss", …) */
    static Findings about(String kind, PluginProvider provider) {
        return new Findings(kind + " plugin \"" + provider.name() + "\" (" + provider.getClass().getName() + ")");
    }

    void add(String problem) {
        problems.add(problem);
    }

    List<String> all() {
        return List.copyOf(problems);
    }

    void verify() {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(subject).append(" failed ").append(problems.size())
                .append(problems.size() == 1 ? " check:" : " checks:");
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        throw new AssertionError(sb.toString());
    }
}
