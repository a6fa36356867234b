package dev.plugnet.core.hardening;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs a property: a check over many generated inputs, every one drawn from a seeded stream.
 *
 * <ul>
 *   <li>{@code -Dplugnet.seed=S} fixes the seed (CI passes one); without it each run draws a new seed, so runs
 *       keep exploring. The seed is printed with every property's count, and in every failure.</li>
 *   <li>{@code -Dplugnet.tries=N} runs N inputs per property instead of the property's own count (e.g. many more
 *       for a long search, or few while developing).</li>
 * </ul>
 * Try {@code i} of a property draws from its own stream, seeded from the run's seed, the property's name and
 * {@code i}: the same seed gives the same inputs in the same order, on any JDK. A check that throws anything
 * (a failed assertion or an exception that escaped the code under test) fails the property with the seed, the
 * try and the input.
 */
final class ForAll {
    static final String SEED = "plugnet.seed";
    static final String TRIES = "plugnet.tries";
    private static final int SHOWN = 2_000;

    private ForAll() {
    }

    /**
     * Checks {@code check} on {@code tries} inputs of {@code inputs} (or {@code -Dplugnet.tries}), naming the
     * property after the calling test method.
     */
    static <T> void check(int tries, Generator<T> inputs, Consumer<? super T> check) {
        StackWalker.StackFrame caller = StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow();
        String property = caller.getClassName().substring(caller.getClassName().lastIndexOf('.') + 1) + "."
                + caller.getMethodName();
        check(property, runSeed(), Integer.getInteger(TRIES, tries), inputs, check);
    }

    /** Checks {@code check} on exactly {@code count} inputs drawn from {@code seed}. */
    static <T> void check(String property, long seed, int count, Generator<T> inputs, Consumer<? super T> check) {
        long propertySeed = new SplittableRandom(seed ^ property.hashCode() * 0x9E3779B97F4A7C15L).nextLong();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            T input = inputs.next(new SplittableRandom(propertySeed + i));
            try {
                check.accept(input);
            } catch (Throwable failure) {
                throw new AssertionError(String.format("%s failed on try %d of %d; reproduce with -D%s=%d%n"
                        + "the input: %s%nthe failure: %s", property, i + 1, count, SEED, seed, shown(input),
                        failure), failure);
            }
        }
        System.out.printf("%s: %d generated inputs passed in %.1f s (-D%s=%d)%n", property, count,
                (System.nanoTime() - start) / 1e9, SEED, seed);
    }

    private static long runSeed() {
        String given = System.getProperty(SEED);
        if (given == null || given.isBlank()) {
            return new SplittableRandom().nextLong();
        }
        try {
            return Long.parseLong(given.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + SEED + " must be a whole number, not \"" + given + "\"", e);
        }
    }

    private static String shown(Object input) {
        String text = input instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(input);
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "… (" + text.length() + " characters)";
    }
}
