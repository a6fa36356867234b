package dev.plugnet.testkit;

import java.lang.reflect.Method;
import java.util.OptionalLong;

/**
 * Measures the bytes the current thread allocates, through {@code com.sun.management.ThreadMXBean}. The bean is
 * reached reflectively because the module under test reads only {@code java.base} and the api; where the JDK
 * does not offer it, {@link #bytesAllocatedBy} returns empty and the caller skips its check.
 */
public final class Allocations {
    private Allocations() {
    }

    /**
     * Runs {@code action} {@code times} times and returns the bytes allocated meanwhile.
     *
     * @return the bytes, or empty when the JDK cannot measure them
     */
    public static OptionalLong bytesAllocatedBy(Runnable action, int times) {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getThreadMXBean").invoke(null);
            Method allocated = Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getCurrentThreadAllocatedBytes");
            long before = (Long) allocated.invoke(bean);
            for (int i = 0; i < times; i++) {
                action.run();
            }
            long after = (Long) allocated.invoke(bean);
            return OptionalLong.of(after - before);
        } catch (ReflectiveOperationException | LinkageError | SecurityException | UnsupportedOperationException e) {
            return OptionalLong.empty();
        }
    }
}
