package dev.plugnet.spark;

import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a row's features, from one {@code Vector} column or from numeric columns, into a reused array without
 * allocating, and its label as a class name. Column positions are those of the row as given; a null, a
 * non-finite number or a vector of the wrong size is one message naming the column and the row.
 */
final class RowReader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String vectorColumn;
    private final int vectorIndex;
    private final String[] columns;
    private final int[] indices;
    private final int width;

    private RowReader(String vectorColumn, int vectorIndex, String[] columns, int[] indices, int width) {
        this.vectorColumn = vectorColumn;
        this.vectorIndex = vectorIndex;
        this.columns = columns;
        this.indices = indices;
        this.width = width;
    }

    /** @return a reader of the vector column at {@code index}, whose vectors must have {@code width} elements */
    static RowReader vector(String column, int index, int width) {
        return new RowReader(column, index, null, null, width);
    }

    /** @return a reader of the numeric columns {@code names} at {@code indices}, one feature each */
    static RowReader columns(List<String> names, int[] indices) {
        return new RowReader(null, -1, names.toArray(new String[0]), indices.clone(), names.size());
    }

    int width() {
        return width;
    }

    /**
     * Writes the row's features into {@code out[0 … width)}.
     *
     * @param rowName names the row in messages, for example {@code "partition 0, row 17"}
     */
    void features(Row row, double[] out, Object rowName) {
        if (columns == null) {
            Object value = row.get(vectorIndex);
            if (!(value instanceof Vector v)) {
                throw new PlugnetSparkException("column \"" + vectorColumn + "\", " + rowName,
                        "expected a vector of " + width + " numbers, got " + (value == null ? "null" : value));
            }
            if (v.size() != width) {
                throw new PlugnetSparkException("column \"" + vectorColumn + "\", " + rowName, "expected a vector of "
                        + width + " numbers (the model's inputs), got " + v.size());
            }
            if (v instanceof DenseVector d) {
                System.arraycopy(d.values(), 0, out, 0, width);
            } else if (v instanceof SparseVector s) {
                Arrays.fill(out, 0, width, 0.0);
                int[] at = s.indices();
                double[] values = s.values();
                for (int i = 0; i < at.length; i++) {
                    out[at[i]] = values[i];
                }
            } else {
                for (int j = 0; j < width; j++) {
                    out[j] = v.apply(j);
                }
            }
            for (int j = 0; j < width; j++) {
                if (!Double.isFinite(out[j])) {
                    throw new PlugnetSparkException("column \"" + vectorColumn + "\" element " + j + ", " + rowName,
                            "expected a finite number, got " + out[j]);
                }
            }
            return;
        }
        for (int j = 0; j < width; j++) {
            Object value = row.get(indices[j]);
            if (!(value instanceof Number n)) {
                throw new PlugnetSparkException("column \"" + columns[j] + "\", " + rowName,
                        "expected a number, got " + (value == null ? "null" : "\"" + value + "\""));
            }
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new PlugnetSparkException("column \"" + columns[j] + "\", " + rowName,
                        "expected a finite number, got " + d);
            }
            out[j] = d;
        }
    }

    /**
     * @return the label at {@code index} as a class name: a string as it is, an integral number without a
     *         fraction ({@code 2.0} is class {@code "2"}, as a CSV's {@code 2} is)
     */
    static String label(Row row, int index, String column, Object rowName) {
        Object value = row.get(index);
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new PlugnetSparkException("column \"" + column + "\", " + rowName,
                        "expected a class label, got " + d);
            }
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        throw new PlugnetSparkException("column \"" + column + "\", " + rowName, "expected a class label (a string or a"
                + " number), got " + (value == null ? "null" : value));
    }
}
