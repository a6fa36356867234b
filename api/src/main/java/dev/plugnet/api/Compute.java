package dev.plugnet.api;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Where {@link Matrix}'s products run: a thread count, the worker threads (started on the first product big
 * enough to share) and the scratch buffers the fast kernels pack their operands into, so that a product
 * allocates nothing once the buffers have grown to the largest shape seen.
 *
 * <p>A product is split across threads only above {@link #PARALLEL_THRESHOLD} multiply-adds, where it pays on
 * this kind of machine; below it runs on the calling thread. Work is divided into chunks of output rows that
 * the threads claim in turn (so a thread the OS pauses on a busy machine holds up little), and every output
 * element is summed by the same code in the same order whatever thread computes it, so results are
 * bit-identical for any thread count.
 *
 * <p>One {@code Compute} may serve many layers and networks; its products run one at a time (callers on
 * other threads wait). Plugnet's core creates one per process and hands it to layers through
 * {@link LayerContext#compute()}; {@link #close()} stops its workers (they are daemon threads, so a program
 * that forgets to close one still exits).
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
public final class Compute implements AutoCloseable {
    /** Multiply-adds (m·k·n) from which a product is split across threads. */
    public static final long PARALLEL_THRESHOLD = 1L << 19;

    private final int threads;
    private final double[][] rowScratch;
    private double[][] packed = new double[0][];
    final MatrixKernels.Product product = new MatrixKernels.Product();

    // the current parallel job: written by the caller before the volatile generation bump
    private ProductJob job;
    private int chunkRows;
    private int chunks;
    private int totalRows;
    private Thread caller;

    private Thread[] workers;
    private volatile int generation;
    private volatile boolean closed;
    /** Chunks per thread: small enough that a thread the OS pauses holds up little of a product. */
    private static final int CHUNKS_PER_THREAD = 8;
    /** The generation (high half) and the next unclaimed chunk (low half). */
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger completed = new AtomicInteger();

    private Compute(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.rowScratch = new double[threads][0];
    }

    /** @return a compute that runs every product on the calling thread */
    public static Compute serial() {
        return new Compute(1);
    }

    /**
     * @param threads how many threads a large product may use, counting the caller; at least 1
     * @return a compute with that many threads (workers start on the first large product)
     */
    public static Compute withThreads(int threads) {
        return new Compute(threads);
    }

    /** @return a compute with one thread per available processor */
    public static Compute allProcessors() {
        return new Compute(Runtime.getRuntime().availableProcessors());
    }

    /** @return the most threads a product uses, counting the caller */
    public int threads() {
        return threads;
    }

    /** Stops the worker threads; later products run on the calling thread. */
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

    @Override
    public String toString() {
        return "Compute(" + threads + (threads == 1 ? " thread)" : " threads)");
    }

    // ---- for MatrixKernels ------------------------------------------------------------------------------

    /** @return at least {@code rows} packing rows of at least {@code length} elements (grown, never shrunk) */
    double[][] packed(int rows, int length) {
        double[][] p = packed;
        if (p.length < rows) {
            p = java.util.Arrays.copyOf(p, rows);
            packed = p;
        }
        for (int i = 0; i < rows; i++) {
            if (p[i] == null || p[i].length < length) {
                p[i] = new double[Math.max(length, p[i] == null ? 0 : p[i].length)];
            }
        }
        return p;
    }

    /** @return thread {@code t}'s scratch row of at least {@code length} elements */
    double[] row(int t, int length) {
        double[] r = rowScratch[t];
        if (r.length < length) {
            r = new double[length];
            rowScratch[t] = r;
        }
        return r;
    }

    /**
     * Runs {@code job} over its output rows: split across the threads if it has at least
     * {@link #PARALLEL_THRESHOLD} multiply-adds, else on the caller. The caller holds this compute's lock.
     */
    void run(ProductJob job, int outputRows, long multiplyAdds) {
        if (closed || threads == 1 || multiplyAdds < PARALLEL_THRESHOLD || outputRows < 2) {
            job.rows(this, 0, 0, outputRows);
            return;
        }
        startWorkers();
        int size = Math.max(1, outputRows / (threads * CHUNKS_PER_THREAD));
        this.job = job;
        this.chunkRows = size;
        this.chunks = (outputRows + size - 1) / size;
        this.totalRows = outputRows;
        this.caller = Thread.currentThread();
        completed.set(0);
        int gen = generation + 1;
        claims.set((long) gen << 32); // publishes the job: a claim that reads this generation sees the fields
        generation = gen; // wakes the workers
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        work(gen, 0);
        for (int spins = 0; completed.get() != chunks; spins++) {
            if (spins < 20_000) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        this.job = null;
    }

    /**
     * Claims and computes chunks of generation {@code gen}'s job until none is left. A claim names the
     * generation, so a late worker can never take a chunk of a later job with an earlier job's view; the job
     * cannot change while a claimed chunk is unfinished, because the caller waits for every chunk.
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
            job.rows(this, t, from, Math.min(totalRows, from + chunkRows));
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
            Thread w = new Thread(() -> workerLoop(index, start), "plugnet-compute-" + t);
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
                if (spins++ < 20_000) {
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

    /** One product, split by output rows. */
    interface ProductJob {
        /** @return how many output rows the product has */
        int outputRows();

        /** Computes output rows {@code [from, to)} on thread {@code t} of {@code compute}. */
        void rows(Compute compute, int t, int from, int to);
    }
}
