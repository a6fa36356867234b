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
 * <p>When the OS pauses a worker in the middle of a chunk (another process wants its core), the caller, done
 * with every other chunk, can only wait for it. So the caller weighs each split job: the other threads'
 * chunks, at the caller's own pace per chunk, are what splitting saved, and its wait for them is what it
 * cost. When the running average of that saving turns negative (workers are being paused, not just now and
 * then), the next jobs run on the caller alone, the same chunks in turn
 * (so the results are the same bits), for a stretch that doubles with every stall (from
 * {@link #SOLO_FIRST} to {@link #SOLO_MOST} jobs) and halves after {@link #CLEAN_TO_RELAX} split jobs in a
 * row without one. On a busy machine the product then runs at one thread's speed instead of waiting for a
 * descheduled thread; on a quiet one nothing changes.
 *
 * <p>Workers start on the first job that is split, spin between jobs for {@link #SPIN_NANOS} (the products of
 * a training step follow each other within a fraction of that, and a parked thread's wake-up can cost more
 * than a product) and then park. One job runs at a time: callers hold their backend's
 * lock. {@link #close()} stops the workers (they are daemon threads, so a program that forgets still exits);
 * later jobs run on the caller.
 */
public final class RowWorkers implements AutoCloseable {
    /** How long a thread spins for the next job (or the caller for the last chunk) before it parks. */
    static final long SPIN_NANOS = 2_000_000;
    /** The running saving of split jobs weighs the latest job 1 in this many. */
    static final long SAVING_MEMORY = 10;
    /** The caller-alone stretches after a stall, in jobs: the first, and the longest after repeated stalls. */
    static final int SOLO_FIRST = 8;
    static final int SOLO_MOST = 4096;
    /** Split jobs in a row without a stall after which the next stretch is halved. */
    static final int CLEAN_TO_RELAX = 64;
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
    // the caller's view of the workers, read and written only by the caller (one job at a time)
    private int soloJobsLeft;
    private int soloStretch = SOLO_FIRST;
    private int cleanJobs;
    /** The split jobs' recent saving over the caller alone, in nanoseconds (a running average). */
    private long recentSaving;
    private long stalls;

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
     * the caller computes all rows in one call; after a stall (see the class comment) the caller computes the
     * chunks one after another. Returns when every chunk is done. The caller must not run two jobs at once on
     * one instance.
     */
    public void run(RowJob job, int rows, int chunks) {
        if (closed || threads == 1 || chunks < 2 || rows < 2) {
            job.rows(0, 0, rows);
            return;
        }
        if (soloJobsLeft > 0) {
            soloJobsLeft--;
            int size = Math.max(1, (rows + chunks - 1) / chunks);
            for (int from = 0; from < rows; from += size) {
                job.rows(0, from, Math.min(rows, from + size));
            }
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
        long start = System.nanoTime();
        int own = work(gen, 0);
        long idle = System.nanoTime();
        while (completed.get() != this.chunks) {
            if (System.nanoTime() - idle < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        long waitedFor = System.nanoTime() - idle;
        this.job = null;
        if (own > 0) {
            // what splitting saved: the other threads' chunks, at the caller's pace, less the caller's wait
            long chunkNanos = (idle - start) / own;
            long saved = (this.chunks - own) * chunkNanos - waitedFor;
            recentSaving = (recentSaving * (SAVING_MEMORY - 1) + saved) / SAVING_MEMORY;
            if (recentSaving < 0) {
                stalls++;
                recentSaving = 0;
                cleanJobs = 0;
                soloJobsLeft = soloStretch;
                soloStretch = Math.min(SOLO_MOST, soloStretch * 2);
            } else if (saved >= 0 && ++cleanJobs >= CLEAN_TO_RELAX) {
                cleanJobs = 0;
                soloStretch = Math.max(SOLO_FIRST, soloStretch / 2);
            }
        }
    }

    /** @return how often split jobs have lately cost more than they saved (each began a caller-alone stretch) */
    public long stalls() {
        return stalls;
    }

    /**
     * Claims and computes chunks of generation {@code gen}'s job until none is left. A claim names the
     * generation, so a late worker can never take a chunk of a later job with an earlier job's view: the caller
     * closes the old generation's claims before it rewrites the job's fields, so a claim read before that fails
     * its compare-and-set. The job cannot change while a claimed chunk is unfinished, because the caller waits
     * for every chunk.
     *
     * @return how many chunks this thread computed
     */
    private int work(int gen, int t) {
        int done = 0;
        while (true) {
            long claim = claims.get();
            if ((int) (claim >>> 32) != gen) {
                return done;
            }
            int chunk = (int) claim;
            if (chunk >= chunks) {
                return done;
            }
            if (!claims.compareAndSet(claim, claim + 1)) {
                continue;
            }
            int from = chunk * chunkRows;
            job.rows(t, from, Math.min(totalRows, from + chunkRows));
            done++;
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
            long idle = System.nanoTime();
            while (generation == seen) {
                if (System.nanoTime() - idle < SPIN_NANOS) {
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
