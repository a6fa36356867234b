package dev.plugnet.core.data;

import dev.plugnet.api.Matrix;

import java.util.SplittableRandom;

/**
 * Minibatches of B rows of a {@link Samples}, in an order shuffled from the seed and the epoch (so a resumed
 * run continues with the same order an uninterrupted one would have had). Batches are copied into buffers
 * that are reused: one pair for full batches and one for the last, shorter batch, so that walking an epoch
 * allocates nothing.
 */
public final class Minibatches {
    private final Samples samples;
    private final int batchSize;
    private final long seed;
    private final int[] order;
    private final Batch full;
    private final Batch tail;

    /**
     * @param samples the rows
     * @param batchSize B
     * @param seed the shuffle's seed
     */
    public Minibatches(Samples samples, int batchSize, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.samples = samples;
        this.batchSize = Math.min(batchSize, Math.max(1, samples.size()));
        this.seed = seed;
        this.order = java.util.stream.IntStream.range(0, samples.size()).toArray();
        int width = samples.features().cols();
        int k = samples.classes();
        this.full = new Batch(Matrix.zeros(this.batchSize, width), Matrix.zeros(this.batchSize, k), new int[this.batchSize]);
        int rest = samples.size() % this.batchSize;
        this.tail = rest == 0 ? full : new Batch(Matrix.zeros(rest, width), Matrix.zeros(rest, k), new int[rest]);
    }

    /** @return the number of batches in an epoch */
    public int count() {
        return (samples.size() + batchSize - 1) / batchSize;
    }

    /** Puts the rows in the order of {@code epoch} (1-based): a shuffle seeded by the seed and the epoch. */
    public void shuffle(int epoch) {
        shuffle(order, seed, epoch);
    }

    /**
     * Fills {@code order} with the row order that {@link #shuffle(int)} gives a {@code Minibatches} of
     * {@code order.length} rows: trainers that hold the rows elsewhere (on a cluster's executors) use it to
     * walk the same minibatches as a single-machine run.
     *
     * @param order filled with a permutation of 0 … length − 1
     * @param seed the shuffle's seed
     * @param epoch the epoch, from 1
     */
    public static void shuffle(int[] order, long seed, int epoch) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        StratifiedSplitter.shuffle(order, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch));
    }

    /** Keeps the rows in their stored order (for evaluation). */
    public void inOrder() {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    /**
     * @param index the batch, from 0 to {@link #count()} − 1
     * @return the batch's inputs, one-hot targets and labels, in reused buffers valid until the next call
     */
    public Batch batch(int index) {
        int from = index * batchSize;
        int rows = Math.min(batchSize, samples.size() - from);
        Batch b = rows == batchSize ? full : tail;
        double[] src = samples.features().data();
        double[] x = b.inputs().data();
        double[] t = b.targets().data();
        int width = samples.features().cols();
        int k = samples.classes();
        java.util.Arrays.fill(t, 0.0);
        for (int i = 0; i < rows; i++) {
            int r = order[from + i];
            System.arraycopy(src, r * width, x, i * width, width);
            int label = samples.labels()[r];
            b.labels()[i] = label;
            if (samples.values() != null) {
                System.arraycopy(samples.values().data(), r * k, t, i * k, k);
            } else if (label >= 0) {
                t[i * k + label] = 1.0;
            }
        }
        return b;
    }

    /**
     * One minibatch, in reused buffers.
     *
     * @param inputs x, (B, n_1)
     * @param targets t, one-hot, (B, K)
     * @param labels the class of each row
     */
    public record Batch(Matrix inputs, Matrix targets, int[] labels) {
        /** @return B */
        public int size() {
            return labels.length;
        }
    }
}
