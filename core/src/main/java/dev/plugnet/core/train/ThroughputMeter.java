package dev.plugnet.core.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Measures a stretch of training on the current thread: samples, steps, wall time and the bytes the thread
 * allocated (through {@code com.sun.management.ThreadMXBean} where the JVM offers it). {@code train}'s
 * throughput report and {@code bench} both measure with this class.
 */
public final class ThroughputMeter {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean countsAllocation;
    private long startNanos;
    private long startBytes;
    private long samples;
    private long steps;

    public ThroughputMeter() {
        countsAllocation = threads instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported()
                && t.isThreadAllocatedMemoryEnabled();
        restart();
    }

    /** Starts a new window: counts and clocks from zero. */
    public void restart() {
        samples = 0;
        steps = 0;
        startBytes = allocatedBytes();
        startNanos = System.nanoTime();
    }

    /** Counts one step of {@code batchSize} samples. */
    public void step(int batchSize) {
        samples += batchSize;
        steps++;
    }

    /** @return the window so far */
    public Throughput read() {
        long nanos = System.nanoTime() - startNanos;
        long bytes = countsAllocation ? allocatedBytes() - startBytes : -1;
        return new Throughput(samples, steps, nanos, bytes);
    }

    private long allocatedBytes() {
        return countsAllocation ? ((com.sun.management.ThreadMXBean) threads).getCurrentThreadAllocatedBytes() : 0;
    }

    /**
     * One measured window.
     *
     * @param samples rows trained on
     * @param steps optimizer steps
     * @param nanos wall time
     * @param allocatedBytes bytes the thread allocated, or -1 where the JVM cannot count them
     */
    public record Throughput(long samples, long steps, long nanos, long allocatedBytes) {
        /** @return samples per second */
        public double samplesPerSecond() {
            return nanos == 0 ? 0 : samples * 1e9 / nanos;
        }

        /** @return seconds of wall time */
        public double seconds() {
            return nanos / 1e9;
        }

        /** @return bytes allocated per step, or -1 if unknown */
        public double bytesPerStep() {
            return allocatedBytes < 0 || steps == 0 ? -1 : (double) allocatedBytes / steps;
        }
    }
}
