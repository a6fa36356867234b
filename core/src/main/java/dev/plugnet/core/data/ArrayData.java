package dev.plugnet.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns data held in memory — feature names, a {@code double[][]} of rows and labels as class names or class
 * indices — into a {@link Dataset}, with the checks the CSV reader makes: every row as wide as the feature
 * names, every value finite, one label per row, every label a known class, at least two classes. Each problem
 * is one {@link DataException} that names the row (counted from 1) and the column, for example
 * {@code x row 3, column "T4": expected a finite number, got NaN}.
 *
 * <p>The arrays are copied: changing them afterwards changes nothing here.
 */
public final class ArrayData {
    /** The label column's name recorded for data given in memory. */
    public static final String LABEL_COLUMN = "label";

    private final String xName;
    private final String yName;

    /**
     * @param xName what the rows are called in messages, for example {@code x} or {@code validation x}
     * @param yName what the labels are called in messages, for example {@code y}
     */
    public ArrayData(String xName, String yName) {
        this.xName = xName;
        this.yName = yName;
    }

    /**
     * Labelled rows for training whose labels are class names: the classes are the distinct labels in
     * {@link ClassOrder} (as for a CSV file).
     *
     * @throws DataException if a row, a value, a label or the feature names are unusable, or there is one class
     */
    public Dataset forTraining(List<String> featureNames, double[][] x, String[] y) {
        List<String> names = featureNames(featureNames);
        double[][] features = rows(x, names);
        requireLabels(y == null ? -1 : y.length, features.length);
        for (int r = 0; r < y.length; r++) {
            if (y[r] == null || y[r].isEmpty()) {
                throw new DataException(yName + " row " + (r + 1), "the label is " + (y[r] == null ? "null" : "empty"));
            }
        }
        List<String> classes = ClassOrder.sorted(new java.util.LinkedHashSet<>(Arrays.asList(y)));
        requireTwo(classes);
        return new Dataset(xName, names, LABEL_COLUMN, classes, features, indices(y, classes));
    }

    /**
     * Rows for a regression: numeric targets, one column each.
     *
     * @param targetNames one name per column of {@code y}
     * @param y each row's targets, finite
     * @throws DataException naming the row and column of a missing, ragged or non-finite value
     */
    public Dataset forRegression(List<String> featureNames, double[][] x, List<String> targetNames, double[][] y) {
        List<String> names = featureNames(featureNames);
        double[][] features = rows(x, names);
        requireLabels(y == null ? -1 : y.length, features.length);
        if (targetNames == null || targetNames.isEmpty()) {
            throw new DataException("target names", "are missing; expected one name per column of " + yName);
        }
        double[][] targets = new double[y.length][];
        for (int r = 0; r < y.length; r++) {
            if (y[r] == null || y[r].length != targetNames.size()) {
                throw new DataException(yName + " row " + (r + 1), "expected " + targetNames.size() + " targets, got "
                        + (y[r] == null ? "null" : y[r].length));
            }
            for (int j = 0; j < y[r].length; j++) {
                if (!Double.isFinite(y[r][j])) {
                    throw new DataException(yName + " row " + (r + 1) + ", column " + (j + 1), "expected a finite"
                            + " number, got " + y[r][j]);
                }
            }
            targets[r] = y[r].clone();
        }
        return new Dataset(xName, names, String.join(",", targetNames), List.copyOf(targetNames), features,
                new int[features.length], targets);
    }

    /**
     * Labelled rows for training whose labels are class indices.
     *
     * @param classNames the name of each class, index {@code k} naming class {@code k}; {@code null} names the
     *        classes {@code 0} to the largest index in {@code y}
     * @throws DataException if a row, a value, a label, the feature names or the class names are unusable, or
     *         the labels hold one class
     */
    public Dataset forTraining(List<String> featureNames, double[][] x, int[] y, List<String> classNames) {
        List<String> names = featureNames(featureNames);
        double[][] features = rows(x, names);
        requireLabels(y == null ? -1 : y.length, features.length);
        List<String> classes;
        if (classNames != null) {
            classes = classNames(classNames);
        } else {
            int max = 0;
            for (int r = 0; r < y.length; r++) {
                if (y[r] < 0) {
                    throw new DataException(yName + " row " + (r + 1), "the class index is " + y[r]
                            + "; expected 0 or more");
                }
                max = Math.max(max, y[r]);
            }
            classes = new ArrayList<>();
            for (int k = 0; k <= max; k++) {
                classes.add(Integer.toString(k));
            }
        }
        int[] labels = checkedIndices(y, classes);
        Set<Integer> distinct = new HashSet<>();
        for (int label : labels) {
            distinct.add(label);
        }
        if (distinct.size() < 2) {
            throw new DataException(yName, "has only one class (\"" + classes.get(labels[0]) + "\"); a classifier"
                    + " needs at least two");
        }
        return new Dataset(xName, names, LABEL_COLUMN, classes, features, labels);
    }

    /**
     * Labelled rows for a trained model, labels as class names that must be among the model's classes.
     *
     * @throws DataException if a row, a value or a label is unusable
     */
    public Dataset forModel(Preprocessing model, double[][] x, String[] y) {
        return forClasses(model.featureNames(), model.labelColumn(), model.labelNames(), x, y);
    }

    /**
     * Labelled rows whose labels must be among known classes, for example validation rows beside training rows.
     *
     * @param labelColumn the label column's name to record
     * @throws DataException if a row, a value or a label is unusable
     */
    public Dataset forClasses(List<String> featureNames, String labelColumn, List<String> classNames, double[][] x,
                              String[] y) {
        double[][] features = rows(x, featureNames);
        requireLabels(y == null ? -1 : y.length, features.length);
        for (int r = 0; r < y.length; r++) {
            if (y[r] == null) {
                throw new DataException(yName + " row " + (r + 1), "the label is null");
            }
        }
        return new Dataset(xName, featureNames, labelColumn, classNames, features, indices(y, classNames));
    }

    /**
     * Labelled rows whose labels are indices into known classes.
     *
     * @throws DataException if a row, a value or a label is unusable
     */
    public Dataset forClasses(List<String> featureNames, String labelColumn, List<String> classNames, double[][] x,
                              int[] y) {
        double[][] features = rows(x, featureNames);
        requireLabels(y == null ? -1 : y.length, features.length);
        return new Dataset(xName, featureNames, labelColumn, classNames, features, checkedIndices(y, classNames));
    }

    /**
     * Labelled rows for a trained model, labels as indices into the model's classes.
     *
     * @throws DataException if a row, a value or a label is unusable
     */
    public Dataset forModel(Preprocessing model, double[][] x, int[] y) {
        return forClasses(model.featureNames(), model.labelColumn(), model.labelNames(), x, y);
    }

    /**
     * Unlabelled rows for a trained model.
     *
     * @throws DataException if a row or a value is unusable
     */
    public Dataset unlabelled(Preprocessing model, double[][] x) {
        return new Dataset(xName, model.featureNames(), null, List.of(), rows(x, model.featureNames()), null);
    }

    private List<String> featureNames(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new DataException("feature names", names == null ? "are missing (null)"
                    : "are empty; expected one name per column of " + xName);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || name.isBlank()) {
                throw new DataException("feature names[" + i + "]", "is " + (name == null ? "null" : "blank")
                        + "; expected a column name");
            }
            if (!seen.add(name)) {
                throw new DataException("feature names[" + i + "]", "\"" + name + "\" is given twice");
            }
        }
        return List.copyOf(names);
    }

    private List<String> classNames(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || name.isEmpty()) {
                throw new DataException("class names[" + i + "]", "is " + (name == null ? "null" : "empty")
                        + "; expected a class name");
            }
            if (!seen.add(name)) {
                throw new DataException("class names[" + i + "]", "\"" + name + "\" is given twice");
            }
        }
        return List.copyOf(names);
    }

    /** @return a copy of {@code x}, every row checked against {@code names} and every value finite */
    private double[][] rows(double[][] x, List<String> names) {
        if (x == null || x.length == 0) {
            throw new DataException(xName, x == null ? "is missing (null)" : "has no rows");
        }
        double[][] copy = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            double[] row = x[r];
            String where = xName + " row " + (r + 1);
            if (row == null) {
                throw new DataException(where, "is null; expected " + names.size() + " values");
            }
            if (row.length != names.size()) {
                throw new DataException(where, r == 0
                        ? "has " + row.length + " values, but " + names.size() + " feature names are given ("
                                + String.join(", ", names) + ")"
                        : "has " + row.length + " values; expected " + names.size() + ", one per feature ("
                                + String.join(", ", names) + "), as in the rows before it");
            }
            for (int j = 0; j < row.length; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new DataException(where + ", column \"" + names.get(j) + "\"",
                            "expected a finite number, got " + row[j]);
                }
            }
            copy[r] = row.clone();
        }
        return copy;
    }

    private void requireLabels(int labels, int rows) {
        if (labels < 0) {
            throw new DataException(yName, "is missing (null); expected one label per row of " + xName);
        }
        if (labels != rows) {
            throw new DataException(yName, "has " + labels + " labels for " + rows + " rows of " + xName
                    + "; expected one label per row");
        }
    }

    private void requireTwo(List<String> classes) {
        if (classes.size() < 2) {
            throw new DataException(yName, "has only one class (\"" + classes.get(0) + "\"); a classifier needs"
                    + " at least two");
        }
    }

    private int[] indices(String[] y, List<String> classes) {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            index.put(classes.get(k), k);
        }
        int[] labels = new int[y.length];
        for (int r = 0; r < y.length; r++) {
            Integer k = index.get(y[r]);
            if (k == null) {
                throw new DataException(yName + " row " + (r + 1), "unknown class \"" + y[r] + "\"; the classes"
                        + " are " + quoted(classes));
            }
            labels[r] = k;
        }
        return labels;
    }

    private int[] checkedIndices(int[] y, List<String> classes) {
        for (int r = 0; r < y.length; r++) {
            if (y[r] < 0 || y[r] >= classes.size()) {
                throw new DataException(yName + " row " + (r + 1), "the class index " + y[r] + " is outside the "
                        + classes.size() + " classes (0 to " + (classes.size() - 1) + ": "
                        + String.join(", ", classes) + ")");
            }
        }
        return y.clone();
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(s -> "\"" + s + "\"").toList());
    }
}
