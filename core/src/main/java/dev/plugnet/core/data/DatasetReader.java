package dev.plugnet.core.data;

import dev.plugnet.core.text.Printable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link CsvTable} into a {@link Dataset}: the label column (by name, default the last) holds class
 * names, strings or integers; every other column is a numeric feature. A cell that is not a number, NaN or an
 * infinity is a {@link DataException} naming its line and column.
 */
public final class DatasetReader {

    /**
     * The rows a model trains on, as its {@code training} section says: for a regression the target columns
     * {@code training.label} names (commas separate several; default the last column), for a classifier the label
     * column and class order ({@code training.classes}); the feature columns by {@code training.features} and
     * {@code training.ignore}.
     *
     * @param regression whether the model is a regression ({@link dev.plugnet.core.network.Task})
     * @throws DataException if the table does not fit
     */
    public Dataset forTraining(CsvTable table, dev.plugnet.core.model.TrainingSpec training, boolean regression) {
        ColumnChoice columns = new ColumnChoice(training.features(), training.ignore());
        String label = training.label();
        return regression
                ? forRegression(table, label == null ? null
                        : java.util.Arrays.stream(label.split(",")).map(String::strip).toList(), columns)
                : forTraining(table, label, training.classes(), columns);
    }

    /**
     * Reads labelled data for training: the classes are the label column's values in {@link ClassOrder} (numbers
     * numerically, other names by Unicode code point), whatever order the rows come in.
     *
     * @param labelColumn the label column's name, or {@code null} for the last column
     * @throws DataException if the label column is missing or holds fewer than two classes
     */
    public Dataset forTraining(CsvTable table, String labelColumn) {
        return forTraining(table, labelColumn, null);
    }

    /**
     * Reads labelled data for training with the classes in a given order.
     *
     * @param labelColumn the label column's name, or {@code null} for the last column
     * @param classes the class names in output order (the config's {@code training.classes}), or {@code null} for
     *        the label column's values in {@link ClassOrder}
     * @throws DataException if the label column is missing, holds fewer than two classes, or holds a class that
     *         {@code classes} does not list
     */
    public Dataset forTraining(CsvTable table, String labelColumn, List<String> classes) {
        return forTraining(table, labelColumn, classes, ColumnChoice.ALL);
    }

    /**
     * Reads labelled data for training with the classes in a given order and a choice of feature columns.
     *
     * @throws DataException as {@link #forTraining(CsvTable, String, List)}, and if the choice names a column the
     *         file does not have, names the label column as a feature, or leaves no feature
     */
    public Dataset forTraining(CsvTable table, String labelColumn, List<String> classes, ColumnChoice choice) {
        int label = labelIndex(table, labelColumn);
        if (table.header().size() < 2) {
            throw new DataException(table.whereHeader(), "has only the label column " + Printable.quoted(table.header().get(label)) + "; expected at least one feature column beside it");
        }
        List<Integer> featureColumns = chosen(table, List.of(label), choice);
        List<String> names = classes != null ? classes : classNames(table, label);
        if (classes == null) {
            requireClassLike(table, label, names);
        }
        if (classes != null) {
            return build(table, featureColumns, label, names, "training.classes lists ");
        }
        if (names.size() < 2) {
            throw new DataException(table.whereHeader() + ", column " + Printable.quoted(table.header().get(label)),
                    "has only one class (" + Printable.quoted(names.get(0)) + "); a classifier needs at least two");
        }
        return build(table, featureColumns, label, names);
    }

    /**
     * Reads data for a regression: the target columns hold numbers (one output each); every other column is a
     * numeric feature.
     *
     * @param targetColumns the target columns' names, or {@code null} for the last column
     * @throws DataException if a target column is missing or a target cell is not a finite number
     */
    public Dataset forRegression(CsvTable table, List<String> targetColumns) {
        return forRegression(table, targetColumns, ColumnChoice.ALL);
    }

    /** Reads data for a regression with a choice of feature columns (see {@link #forTraining(CsvTable, String, List, ColumnChoice)}). */
    public Dataset forRegression(CsvTable table, List<String> targetColumns, ColumnChoice choice) {
        List<Integer> targets = new ArrayList<>();
        if (targetColumns == null) {
            targets.add(table.header().size() - 1);
        } else {
            for (String name : targetColumns) {
                targets.add(labelIndex(table, name));
            }
        }
        if (table.header().size() <= targets.size()) {
            throw new DataException(table.whereHeader(), "has only the target columns; expected at least one feature"
                    + " column beside them");
        }
        return regression(table, chosen(table, targets, choice), targets);
    }

    /** @return the feature columns {@code choice} picks, never a label column, at least one */
    private static List<Integer> chosen(CsvTable table, List<Integer> labels, ColumnChoice choice) {
        for (String name : choice.ignore()) {
            if (table.column(name) < 0) {
                throw new DataException(table.whereHeader(), "has no column \"" + name + "\" to ignore; columns: "
                        + String.join(", ", table.header()));
            }
        }
        List<Integer> columns = new ArrayList<>();
        if (choice.features() != null) {
            for (String name : choice.features()) {
                int c = table.column(name);
                if (c < 0) {
                    throw new DataException(table.whereHeader(), "has no feature column \"" + name + "\"; columns: "
                            + String.join(", ", table.header()));
                }
                if (labels.contains(c)) {
                    throw new DataException(table.whereHeader(), "\"" + name + "\" is the label column; it cannot be"
                            + " a feature too");
                }
                if (!choice.ignore().contains(name) && !columns.contains(c)) {
                    columns.add(c);
                }
            }
        } else {
            for (int c = 0; c < table.header().size(); c++) {
                if (!labels.contains(c) && !choice.ignore().contains(table.header().get(c))) {
                    columns.add(c);
                }
            }
        }
        if (columns.isEmpty()) {
            throw new DataException(table.whereHeader(), "leaves no feature column (features "
                    + (choice.features() == null ? "all but the label" : String.join(", ", choice.features()))
                    + ", ignoring " + (choice.ignore().isEmpty() ? "none" : String.join(", ", choice.ignore())) + ")");
        }
        return columns;
    }

    /**
     * Reads a further file of rows for a data set being trained on, such as a separate validation or test file:
     * the same feature columns by name (in any order; other columns are ignored), and the same label column with
     * the same classes, or the same regression targets.
     *
     * @param table the file
     * @param like the training data
     * @throws DataException naming the file if it lacks one of the columns, or holds a class the training data
     *         does not
     */
    public Dataset like(CsvTable table, Dataset like) {
        List<Integer> columns = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : like.featureNames()) {
            int c = table.column(name);
            if (c < 0) {
                missing.add(name);
            }
            columns.add(c);
        }
        if (!missing.isEmpty()) {
            throw new DataException(table.whereHeader(), "columns do not match the training data: it has no column "
                    + quoted(missing) + "; the training data's features are " + quoted(like.featureNames())
                    + ", this file has " + quoted(table.header()));
        }
        if (like.regression()) {
            List<Integer> targets = new ArrayList<>();
            for (String name : like.labelNames()) {
                int c = table.column(name);
                if (c < 0) {
                    throw new DataException(table.whereHeader(), "has no target column \"" + name + "\" (the training"
                            + " data's); columns: " + String.join(", ", table.header()));
                }
                targets.add(c);
            }
            return regression(table, columns, targets);
        }
        int label = table.column(like.labelColumn());
        if (label < 0) {
            throw new DataException(table.whereHeader(), "has no label column \"" + like.labelColumn()
                    + "\" (the training data's); columns: " + String.join(", ", table.header()));
        }
        return build(table, columns, label, like.labelNames(), "the training data has ");
    }

    private static Dataset regression(CsvTable table, List<Integer> featureColumns, List<Integer> targets) {
        Dataset x = build(table, featureColumns, -1, List.of());
        int n = table.rows().size();
        double[][] y = new double[n][targets.size()];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < targets.size(); j++) {
                y[r][j] = number(table, r, targets.get(j));
            }
        }
        List<String> names = targets.stream().map(table.header()::get).toList();
        return new Dataset(table.source(), x.featureNames(), String.join(",", names), names, x.features(), new int[n], y);
    }

    /**
     * Reads labelled data for a trained model: its feature columns by name (in the model's order; other
     * columns are ignored) and labels that must be among the model's classes.
     *
     * @throws DataException if a feature column or the label column is missing, or a label is unknown
     */
    public Dataset forModel(CsvTable table, Preprocessing model) {
        if (model.regression()) {
            List<Integer> targets = new ArrayList<>();
            for (String name : model.labelNames()) {
                int c = table.column(name);
                if (c < 0) {
                    throw new DataException(table.whereHeader(), "has no target column \"" + name + "\" (the model's);"
                            + " columns: " + String.join(", ", table.header()));
                }
                targets.add(c);
            }
            Dataset d = regression(table, featureColumns(table, model), targets);
            return d;
        }
        int label = table.column(model.labelColumn());
        if (label < 0) {
            throw new DataException(table.whereHeader(), "has no label column " + Printable.quoted(model.labelColumn()) + " (the model's); columns: " + Printable.of(String.join(", ", table.header())));
        }
        return build(table, featureColumns(table, model), label, model.labelNames());
    }

    /**
     * Reads unlabelled data for a trained model: its feature columns by name; a label column, if present, is
     * ignored.
     */
    public Dataset unlabelled(CsvTable table, Preprocessing model) {
        return build(table, featureColumns(table, model), -1, List.of());
    }

    private static List<Integer> featureColumns(CsvTable table, Preprocessing model) {
        List<Integer> columns = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : model.featureNames()) {
            int c = table.column(name);
            if (c < 0) {
                missing.add(name);
            }
            columns.add(c);
        }
        if (!missing.isEmpty()) {
            throw new DataException(table.whereHeader(), "columns do not match the model: it has no column "
                    + quoted(missing) + "; the model was trained on " + quoted(model.featureNames())
                    + ", this file has " + quoted(table.header()));
        }
        return columns;
    }

    private static int labelIndex(CsvTable table, String labelColumn) {
        if (labelColumn == null) {
            return table.header().size() - 1;
        }
        int c = table.column(labelColumn);
        if (c < 0) {
            throw new DataException(table.whereHeader(), "has no label column " + Printable.quoted(labelColumn) + "; columns: "
                    + Printable.of(String.join(", ", table.header())));
        }
        return c;
    }

    /** Most classes a numeric label column may give before it reads as a regression target. */
    static final int MAX_NUMERIC_CLASSES = 20;

    /**
     * A label column of numbers that are not all integers, or of more than {@link #MAX_NUMERIC_CLASSES} distinct
     * integers, is a regression target given to a classifier: refused with the fix.
     */
    private static void requireClassLike(CsvTable table, int label, List<String> names) {
        if (!names.stream().allMatch(ClassOrder::isNumber)) {
            return;
        }
        boolean integers = names.stream().allMatch(n -> n.matches("[-+]?\\d+"));
        if (integers && names.size() <= MAX_NUMERIC_CLASSES) {
            return;
        }
        throw new DataException(table.whereHeader() + ", column \"" + table.header().get(label) + "\"", "holds "
                + names.size() + " distinct numbers" + (integers ? "" : ", not all integers") + ", but the model is a"
                + " classifier (its loss or output activation gives class probabilities), which would make each"
                + " number a class; for a regression give the model a regression loss (\"loss\": \"mse\", \"mae\" or"
                + " \"huber\") and a linear output (no activation, or \"identity\", on the last layer); to classify"
                + " these values anyway, list them in training.classes");
    }

    private static List<String> classNames(CsvTable table, int label) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (int r = 0; r < table.rows().size(); r++) {
            String v = table.rows().get(r)[label];
            if (v.isEmpty()) {
                throw new DataException(table.where(r, label), "the label is empty");
            }
            seen.put(v, true);
        }
        return ClassOrder.sorted(seen.keySet());
    }

    private static Dataset build(CsvTable table, List<Integer> featureColumns, int label, List<String> names) {
        return build(table, featureColumns, label, names, "the model knows ");
    }

    private static Dataset build(CsvTable table, List<Integer> featureColumns, int label, List<String> names,
                                 String known) {
        int n = table.rows().size();
        double[][] features = new double[n][featureColumns.size()];
        int[] labels = label < 0 ? null : new int[n];
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        for (int r = 0; r < n; r++) {
            String[] row = table.rows().get(r);
            for (int j = 0; j < featureColumns.size(); j++) {
                features[r][j] = number(table, r, featureColumns.get(j));
            }
            if (labels != null) {
                Integer cls = index.get(row[label]);
                if (cls == null) {
                    throw new DataException(table.where(r, label), row[label].isEmpty() ? "the label is empty"
                            : "unknown class " + Printable.quoted(row[label]) + "; " + known + quoted(names));
                }
                labels[r] = cls;
            }
        }
        List<String> featureNames = featureColumns.stream().map(table.header()::get).toList();
        return new Dataset(table.source(), featureNames, label < 0 ? null : table.header().get(label), names,
                features, labels);
    }

    /** A number as a CSV cell may write it: decimal, with an optional exponent (no hex, no d/f suffixes). */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final java.util.regex.Pattern NOT_FINITE =
            java.util.regex.Pattern.compile("[+-]?(NaN|Infinity|inf|nan|Inf)");

    private static double number(CsvTable table, int row, int column) {
        String cell = table.rows().get(row)[column];
        if (cell.isEmpty()) {
            throw new DataException(table.where(row, column), "the cell is empty; expected a number");
        }
        if (NOT_FINITE.matcher(cell).matches()) {
            throw new DataException(table.where(row, column), "expected a finite number, got "
                    + Printable.quoted(cell));
        }
        if (!DECIMAL.matcher(cell).matches()) {
            throw new DataException(table.where(row, column), "expected a number, got " + Printable.quoted(cell));
        }
        double v = Double.parseDouble(cell);
        if (!Double.isFinite(v)) {
            throw new DataException(table.where(row, column), "expected a finite number, got "
                    + Printable.quoted(cell) + " (beyond the range of a double)");
        }
        return v;
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(Printable::quoted).toList());
    }
}
