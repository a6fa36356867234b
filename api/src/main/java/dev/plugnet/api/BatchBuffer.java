package dev.plugnet.api;

/**
 * A layer's or activation's output buffer of a fixed width, reused from batch to batch. It keeps the matrices
 * of the two most recent batch sizes, so an epoch's full batches and its last, shorter batch each reuse
 * theirs, and a training step allocates nothing once both exist.
 */
public final class BatchBuffer {
    private final int cols;
    private Matrix current;
    private Matrix previous;

    /** @param cols the width of every row */
    public BatchBuffer(int cols) {
        this.cols = cols;
    }

    /** @return a (rows×cols) matrix owned by this buffer; its contents are whatever the last user left */
    public Matrix rows(int rows) {
        Matrix c = current;
        if (c != null && c.rows() == rows) {
            return c;
        }
        Matrix p = previous;
        previous = c;
        current = p != null && p.rows() == rows ? p : Matrix.zeros(rows, cols);
        return current;
    }
}
