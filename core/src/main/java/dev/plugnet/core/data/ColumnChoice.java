package dev.plugnet.core.data;

import java.util.List;

/**
 * Which columns of a CSV file are features ({@code training.features}, {@code training.ignore}, or
 * {@code train --features} and {@code --ignore}).
 *
 * @param features the feature columns by name, in this order, or {@code null} for every column but the label's
 * @param ignore columns to leave out by name (an id column); never {@code null}
 */
public record ColumnChoice(List<String> features, List<String> ignore) {
    /** Every column but the label's. */
    public static final ColumnChoice ALL = new ColumnChoice(null, List.of());

    public ColumnChoice {
        features = features == null ? null : List.copyOf(features);
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
    }
}
