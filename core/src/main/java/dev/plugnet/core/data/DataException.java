package dev.plugnet.core.data;

import dev.plugnet.api.PlugnetException;

/**
 * A data file that cannot be used: missing, empty, ragged, a cell that is not a number, a label column that
 * does not exist, a single class. The location names the file and, where there is one, the line and column
 * ({@code iris.csv line 7, column "petal_length_cm"}).
 */
public final class DataException extends PlugnetException {
    private static final long serialVersionUID = 1L;

    public DataException(String location, String problem) {
        super(location, problem);
    }

    public DataException(String location, String problem, Throwable cause) {
        super(location, problem, cause);
    }
}
