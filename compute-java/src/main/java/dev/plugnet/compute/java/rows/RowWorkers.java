package dev.plugnet.compute.java.rows;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Plugnet's own worker threads for one backend: a job over some rows is cut into chunks that the caller and
 * the workers claim in turn, so a thread the OS pauses on a busy machine holds up one chunk, not a fixed
 * share of the product. The chunk boundaries depend only on the row count and the chunk count the caller
 * asks for, never on which thread computes a chunk, so a job whose chunks compute their rows independently
 * gives bit-identical results whatever the timing.
 *
 * <p>Workers start on the first job that is split, spin briefly between jobs (products of a training step
 * follow each other within microseconds) and then park. One job runs at a time: callers hold their backend's
 * lock. {@link #close()} stops the workers (they are daemon threads, so a program that forgets still exits);
 * later jobs run on the caller.
 */
public final class RowWorkers implements AutoCloseable {
    private static final int SPINS = 20_000;
    /** A chunk index no job reaches: claims of a generation being set up. */
    private static final int CLOSED = Integer.MAX_VALUE;

    private final int threads;
    private final String name;

    // the current job: written by the caller before the volatile generation bump
    private RowJob job;
    private int chunkRows;
    private int chunks;
    private int totalRows;
    private Thread caller;

    private Thread[] workers;
    private volatile int generation;
    private volatile boolean closed;
    /** The generation (high half) and the next unclaimed chunk (low half). */
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger completed = new AtomicInteger();

    /**
     * @param threads the most threads a job uses, counting the caller; at least 1
     * @param name the prefix of the worker threads' names
     */
    public RowWorkers(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.name = name;
    }

    /** One job: rows {@code [from, to)} computed by thread {@code thread} (0 is the caller). */
    @FunctionalInterface
    public interface RowJob {
        void rows(int thread, int from, int to);
    }

    /** @return the most threads a job uses, counting the caller */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code job} over rows {@code [0, rows)} in {@code chunks} chunks of equal size (the last may be
     * shorter), claimed by the caller and the workers; with one thread, one chunk or after {@link #close()},
     * the caller computes all rows in one call. Returns when every chunk is done. The caller must not run
     * two jobs at once on one instance.
     */
    public void run(RowJob job, int rows, int chunks) {
        if (closed || threads == 1 || chunks < 2 || rows < 2) {
            job.rows(0, 0, rows);
            return;
        }
        startWorkers();
        int gen = generation + 1;
        // first close the last job's claims: a worker still in it must not claim a chunk against this job's
        // fields, which change next
        claims.set(((long) gen << 32) | CLOSED);
        int size = Math.max(1, (rows + chunks - 1) / chunks);
        this.job = job;
        this.chunkRows = size;
        this.chunks = (rows + size - 1) / size;
        this.totalRows = rows;
        this.caller = Thread.currentThread();
        completed.set(0);
        claims.set((long) gen << 32); // publishes the job: a claim that reads this generation sees the fields
        generation = gen; // wakes the workers
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        work(gen, 0);
        for (int spins = 0; completed.get() != this.chunks; spins++) {
            if (spins < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        this.job = null;
    }

    /**
     * Claims and computes chunks of generation {@code gen}'s job until none is left. A claim names the
     * generation, so a late worker can never take a chunk of a later job with an earlier job's view: the caller
     * closes the old generation's claims before it rewrites the job's fields, so a claim read before that fails
     * its compare-and-set. The job cannot change while a claimed chunk is unfinished, because the caller waits
     * for every chunk.
     */
    private void work(int gen, int t) {
        while (true) {
            long claim = claims.get();
            if ((int) (claim >>> 32) != gen) {
                return;
            }
            int chunk = (int) claim;
            if (chunk >= chunks) {
                return;
            }
            if (!claims.compareAndSet(claim, claim + 1)) {
                continue;
            }
            int from = chunk * chunkRows;
            job.rows(t, from, Math.min(totalRows, from + chunkRows));
            if (completed.incrementAndGet() == chunks && t != 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    private void startWorkers() {
        if (workers != null) {
            return;
        }
        workers = new Thread[threads - 1];
        int start = generation; // read here, before the first job is published, so no worker can miss it
        for (int t = 1; t < threads; t++) {
            int index = t;
            Thread w = new Thread(() -> workerLoop(index, start), name + "-" + t);
            w.setDaemon(true);
            workers[t - 1] = w;
        }
        for (Thread w : workers) {
            w.start();
        }
    }

    private void workerLoop(int index, int start) {
        int seen = start;
        while (true) {
            int spins = 0;
            while (generation == seen) {
                if (spins++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = generation;
            if (closed) {
                return;
            }
            work(seen, index);
        }
    }

    /** Stops the workers; later jobs run on the caller. */
    @Override
    public synchronized void close() {
        closed = true;
        generation++;
        if (workers != null) {
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
        }
    }
}
