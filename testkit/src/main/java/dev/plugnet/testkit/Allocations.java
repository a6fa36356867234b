package dev.plugnet.testkit;

import java.lang.reflect.Method;
import java.util.OptionalLong;

/**
 * Measures the bytes the current thread allocates, through {@code com.sun.management.ThreadMXBean}. The bean is
 * reached reflectively because the module under test reads only {@code java.base} and the api; where the JDK
 * does not offer it, {@link #bytesAllocatedBy} returns empty and the caller skips its check.
 *
 * <p><b>The baseline is subtracted.</b> Reading the counter itself allocates (the reflective call boxes its
 * {@code long}: some tens of bytes per reading). Before measuring, the counter is read back to back a few times
 * and the smallest difference, the cost of the readings alone, is subtracted from the result; so
 * {@code bytesAllocatedBy(() -> {}, 1000)} is 0 and an action that allocates nothing can be asserted to give 0.
 * The result is never negative. Warm the action up first (run it a few thousand times), or the JIT's first
 * compilations and the action's lazily made buffers count too.
 */
public final class Allocations {
    private static final int BASELINE_READINGS = 5;

    private Allocations() {
    }

    /**
     * Runs {@code action} {@code times} times and returns the bytes allocated meanwhile, less the cost of
     * reading the counter.
     *
     * @return the bytes ({@code >= 0}), or empty when the JDK cannot measure them
     */
    public static OptionalLong bytesAllocatedBy(Runnable action, int times) {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getThreadMXBean").invoke(null);
            Method allocated = Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getCurrentThreadAllocatedBytes");
            long baseline = Long.MAX_VALUE;
            for (int i = 0; i < BASELINE_READINGS; i++) {
                long first = (Long) allocated.invoke(bean);
                long second = (Long) allocated.invoke(bean);
                baseline = Math.min(baseline, second - first);
            }
            long before = (Long) allocated.invoke(bean);
            for (int i = 0; i < times; i++) {
                action.run();
            }
            long after = (Long) allocated.invoke(bean);
            return OptionalLong.of(Math.max(0, after - before - baseline));
        } catch (ReflectiveOperationException | LinkageError | SecurityException | UnsupportedOperationException e) {
            return OptionalLong.empty();
        }
    }
}
