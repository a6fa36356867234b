package dev.plugnet.spark;

/**
 * Names the row being read, for messages only: updated in place for every row, turned into text only when a
 * message needs it, so reading rows allocates nothing for it.
 */
final class RowPosition {
    private final String partition;
    private long row;

    RowPosition(String partition) {
        this.partition = partition;
    }

    /** Moves to the next row (the first is row 1). */
    void next() {
        row++;
    }

    @Override
    public String toString() {
        return partition + ", row " + row;
    }
}
