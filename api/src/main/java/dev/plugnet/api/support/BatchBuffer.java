package dev.plugnet.api.support;

import dev.plugnet.api.Api;
import dev.plugnet.api.Matrix;

/**
 * A layer's or activation's output buffer of a fixed width, reused from batch to batch. It keeps the matrices
 * of the {@value #SIZES} most recently used batch sizes, so that an epoch's full batches, its last shorter batch
 * and the validation pass's batch sizes each reuse theirs, and a training step allocates nothing once they exist.
 *
 * <p>Support, not contract (see the package): the number of sizes kept follows plugnet's training loop.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
public final class BatchBuffer {
    /** How many batch sizes are kept: training's full and last batch, and an evaluation's two. */
    public static final int SIZES = 4;

    private final int cols;
    private final Matrix[] recent = new Matrix[SIZES]; // most recently used first

    /** @param cols the width of every row */
    public BatchBuffer(int cols) {
        this.cols = cols;
    }

    /** @return a (rows×cols) matrix owned by this buffer; its contents are whatever the last user left */
    public Matrix rows(int rows) {
        Matrix first = recent[0];
        if (first != null && first.rows() == rows) {
            return first;
        }
        int found = SIZES - 1; // the least recently used slot, replaced if the size is not kept
        for (int i = 1; i < SIZES; i++) {
            if (recent[i] != null && recent[i].rows() == rows) {
                found = i;
                break;
            }
        }
        Matrix m = recent[found] != null && recent[found].rows() == rows ? recent[found] : Matrix.zeros(rows, cols);
        System.arraycopy(recent, 0, recent, 1, found);
        recent[0] = m;
        return m;
    }
}
