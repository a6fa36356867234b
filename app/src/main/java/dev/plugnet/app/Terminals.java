package dev.plugnet.app;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the app talks to a person at a terminal (live progress) or to a pipe, a file or CI (plain lines). */
final class Terminals {
    private Terminals() {
    }

    /**
     * @return whether standard input and output are a terminal: {@link System#console()} exists and, on JDK 22
     *         and later (where it exists even when redirected), {@code Console.isTerminal()} says so; never
     *         when {@code CI} is set
     */
    static boolean interactive() {
        if (System.getenv("CI") != null) {
            return false;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 17–21: a console exists only for a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
