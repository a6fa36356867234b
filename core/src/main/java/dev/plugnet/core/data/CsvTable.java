package dev.plugnet.core.data;

import java.util.List;
import java.util.Objects;

/**
 * A CSV file as read: its header and its rows of text cells, each row as long as the header.
 *
 * @param source the file's name, for messages
 * @param header the column names, in order
 * @param rows the data rows
 * @param lines the line of each row in the file (1-based; the header is usually line 1), for messages
 * @param headerLine the header's line in the file (1-based), for messages
 */
public record CsvTable(String source, List<String> header, List<String[]> rows, int[] lines, int headerLine) {
    /** A table whose header is on line 1. */
    public CsvTable(String source, List<String> header, List<String[]> rows, int[] lines) {
        this(source, header, rows, lines, 1);
    }

    public CsvTable {
        Objects.requireNonNull(source, "source");
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        if (lines.length != rows.size()) {
            throw new IllegalArgumentException("one line number per row");
        }
    }

    /** @return the index of a column, or -1 */
    public int column(String name) {
        return header.indexOf(name);
    }

    /** @return {@code source line N}: where the header is, for messages about the file's columns */
    public String whereHeader() {
        return source + " line " + headerLine;
    }

    /** @return {@code source line N, column "name"}: where a cell is, for messages */
    public String where(int row, int column) {
        return source + " line " + lines[row] + ", column " + dev.plugnet.core.text.Printable.quoted(header.get(column));
    }
}
