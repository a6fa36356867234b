package dev.plugnet.spark;

import dev.plugnet.api.Matrix;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * One partition's share of a global batch's gradient, computed in buffers made once per partition and reused at
 * every step: after warm-up a step allocates nothing here.
 *
 * <p>A partition holds a different number of a batch's rows at every step, and a network keeps its buffers for a
 * few batch sizes only, so a share is never run at its own size: it is cut into pieces of sizes from a fixed set
 * — pieces of {@code chunk} rows, then the rest split into powers of two below {@code chunk} — and each size runs
 * on a network of its own (made on first use), whose buffers fit it. The gradient is the pieces' gradients
 * weighted by their rows, the same mean as one pass to rounding. A partition that holds all of a batch runs it in
 * one pass, as one machine does, so that a single partition reproduces single-machine training bit for bit.
 * Not thread-safe: its {@link TrainingBlock} serialises the calls.
 */
final class PartitionGradient {
    /** The largest piece: a piece of this many rows keeps a product large enough to run at full speed. */
    static final int MAX_CHUNK = 256;

    private final Supplier<NetworkAdapter> factory;
    private final NetworkAdapter whole;
    private final int width;
    private final int classes;
    private final int chunk;
    private final NetworkAdapter[] pieces;
    private final Rows[] pieceRows;
    private final Rows[] wholeRows = new Rows[2];
    private final double[] gradient;
    private final GradientShare share;

    /**
     * @param whole the partition's network, for batches it holds entirely
     * @param factory makes another network of the same model, for one piece size
     * @param expectedShare the rows of a batch the partition holds on average; the largest piece is the power of
     *        two at or below it (at most {@link #MAX_CHUNK})
     */
    PartitionGradient(NetworkAdapter whole, Supplier<NetworkAdapter> factory, int width, int classes,
                      int expectedShare) {
        this.whole = whole;
        this.factory = factory;
        this.width = width;
        this.classes = classes;
        this.chunk = Integer.highestOneBit(Math.max(1, Math.min(MAX_CHUNK, expectedShare)));
        int sizes = Integer.numberOfTrailingZeros(chunk) + 1;
        this.pieces = new NetworkAdapter[sizes];
        this.pieceRows = new Rows[sizes];
        this.gradient = new double[whole.size()];
        this.share = new GradientShare(gradient, 0, 0, 0);
    }

    /** @return the largest piece's rows */
    int chunk() {
        return chunk;
    }

    /**
     * @param rows the partition's rows of the batch, as indices into {@code x} (rows of {@code width}) and
     *        {@code y}, in the batch's order; only the first {@code count} are used
     * @param batchRows the global batch's rows (the share's weight is {@code count / batchRows})
     * @return this partition's share (a reused object, valid until the next call)
     */
    GradientShare compute(double[] weights, int[] rows, int count, double[] x, int[] y, int batchRows) {
        if (count == batchRows) {
            Rows r = wholeRows(count);
            r.fill(rows, 0, x, y);
            whole.weights(weights);
            double loss = whole.gradient(r.x, r.t, 1.0, gradient, false);
            return share.set(loss * count, whole.correct(r.labels), count);
        }
        int done = 0;
        double lossSum = 0;
        long correct = 0;
        boolean first = true;
        for (int level = pieces.length - 1; level >= 0; level--) {
            int size = 1 << level;
            // all the full chunks at the top level, then one piece of each power of two that the rest contains
            while (count - done >= size && (level == pieces.length - 1 || ((count - done) & size) != 0)) {
                NetworkAdapter n = piece(level, weights);
                Rows r = pieceRows[level];
                r.fill(rows, done, x, y);
                lossSum += n.gradient(r.x, r.t, (double) size / batchRows, gradient, !first) * size;
                correct += n.correct(r.labels);
                first = false;
                done += size;
                if (level != pieces.length - 1) {
                    break;
                }
            }
        }
        return share.set(lossSum, correct, count);
    }

    /** @return the network of pieces of {@code 2^level} rows, holding {@code weights} */
    private NetworkAdapter piece(int level, double[] weights) {
        if (pieces[level] == null) {
            pieces[level] = factory.get();
            pieceRows[level] = new Rows(1 << level, width, classes);
        }
        pieces[level].weights(weights);
        return pieces[level];
    }

    /** @return buffers of {@code rows} rows for a whole batch: the full batches' size and the last one's */
    private Rows wholeRows(int rows) {
        for (Rows r : wholeRows) {
            if (r != null && r.labels.length == rows) {
                return r;
            }
        }
        wholeRows[1] = wholeRows[0];
        wholeRows[0] = new Rows(rows, width, classes);
        return wholeRows[0];
    }

    /** A batch's inputs, one-hot targets and labels, of a fixed number of rows. */
    private static final class Rows {
        final Matrix x;
        final Matrix t;
        final int[] labels;
        private final int width;
        private final int classes;

        Rows(int rows, int width, int classes) {
            this.x = Matrix.zeros(rows, width);
            this.t = Matrix.zeros(rows, classes);
            this.labels = new int[rows];
            this.width = width;
            this.classes = classes;
        }

        /** Copies rows {@code order[from …]} of {@code src} and {@code y}, as many as these buffers hold. */
        void fill(int[] order, int from, double[] src, int[] y) {
            double[] xd = x.data();
            double[] td = t.data();
            Arrays.fill(td, 0.0);
            for (int k = 0; k < labels.length; k++) {
                int r = order[from + k];
                System.arraycopy(src, r * width, xd, k * width, width);
                labels[k] = y[r];
                td[k * classes + y[r]] = 1.0;
            }
        }
    }
}
