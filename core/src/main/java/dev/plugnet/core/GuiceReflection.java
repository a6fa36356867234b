package dev.plugnet.core;

/**
 * The one place that sets Guice's bytecode option. Guice 7 by default generates classes for fast construction
 * and method interception, and does so through {@code sun.misc.Unsafe}, which JDK 24 and later warn about on
 * every start. plugnet binds no method interceptors and builds one injector per run, so reflection costs
 * nothing measurable: Guice is told to use it ({@code guice_bytecode_gen_option=DISABLED}) before its first
 * class reads the flag. A value the caller set on the command line is kept.
 */
final class GuiceReflection {
    static final String OPTION = "guice_bytecode_gen_option";

    private GuiceReflection() {
    }

    /** Selects reflection unless the JVM was started with an explicit {@value #OPTION}. */
    static void prefer() {
        if (System.getProperty(OPTION) == null) {
            System.setProperty(OPTION, "DISABLED");
        }
    }
}
