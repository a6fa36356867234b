package dev.plugnet.core;

import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.data.DataException;
import dev.plugnet.core.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad data given in memory gets the CSV reader's checks: one plugnet error naming the row and column. */
class InMemoryDataChecksTest {
    private static final Plugnet PLUGNET = Plugnet.boot();
    private static final ModelSpec SPEC = PLUGNET.parseSpec(Blobs.SPEC);
    private static final List<String> NAMES = Blobs.FEATURES;

    private static String message(Executable action) {
        PlugnetException e = assertThrows(PlugnetException.class, action);
        return e.getMessage();
    }

    private static double[][] rows(int n) {
        return Blobs.of(n, 1).x();
    }

    private static String[] labels(int n) {
        return Blobs.of(n, 1).y();
    }

    @Test
    void aNanFeatureIsNamedByItsRowAndColumn() {
        double[][] x = rows(30);
        x[6][3] = Double.NaN;
        assertEquals("x row 7, column \"basal_tsh\": expected a finite number, got NaN",
                message(() -> PLUGNET.fit(SPEC).on(NAMES, x, labels(30))));
        x[6][3] = Double.NEGATIVE_INFINITY;
        assertEquals("x row 7, column \"basal_tsh\": expected a finite number, got -Infinity",
                message(() -> PLUGNET.fit(SPEC).on(NAMES, x, labels(30))));
    }

    @Test
    void aRaggedRowIsNamedNotAnArrayIndexError() {
        double[][] x = rows(30);
        x[11] = new double[] {1, 2, 3, 4};
        assertEquals("x row 12: has 4 values; expected 5, one per feature (t3_resin_uptake, total_thyroxin,"
                        + " total_triiodothyronine, basal_tsh, tsh_response), as in the rows before it",
                message(() -> PLUGNET.fit(SPEC).on(NAMES, x, labels(30))));
        x[11] = null;
        assertEquals("x row 12: is null; expected 5 values", message(() -> PLUGNET.fit(SPEC).on(NAMES, x, labels(30))));
    }

    @Test
    void fewerFeatureNamesThanColumnsIsRefusedNotTruncated() {
        assertEquals("x row 1: has 5 values, but 4 feature names are given (t3_resin_uptake, total_thyroxin,"
                        + " total_triiodothyronine, basal_tsh)",
                message(() -> PLUGNET.fit(SPEC).on(NAMES.subList(0, 4), rows(30), labels(30))));
        assertEquals("feature names[1]: \"a\" is given twice",
                message(() -> PLUGNET.fit(SPEC).on(List.of("a", "a", "b", "c", "d"), rows(30), labels(30))));
    }

    @Test
    void aLabelOutsideTheClassNamesIsRefusedNotDropped() {
        int[] y = Blobs.of(30, 1).indices();
        y[4] = 3;
        assertEquals("y row 5: the class index 3 is outside the 3 classes (0 to 2: normal, hyper, hypo)",
                message(() -> PLUGNET.fit(SPEC).classNames(Blobs.CLASSES).on(NAMES, rows(30), y)));
        y[4] = -1;
        assertEquals("y row 5: the class index is -1; expected 0 or more",
                message(() -> PLUGNET.fit(SPEC).on(NAMES, rows(30), y)));
        TrainedModel model = PLUGNET.fit(SPEC).epochs(1).on(NAMES, rows(30), labels(30));
        String[] names = labels(30);
        names[2] = "hypr";
        assertEquals("y row 3: unknown class \"hypr\"; the classes are \"hyper\", \"hypo\", \"normal\"",
                message(() -> model.evaluate(rows(30), names)));
        String[] validation = labels(30);
        validation[0] = "other";
        assertEquals("validation y row 1: unknown class \"other\"; the classes are \"hyper\", \"hypo\", \"normal\"",
                message(() -> PLUGNET.fit(SPEC).validation(rows(30), validation).on(NAMES, rows(30), labels(30))));
    }

    @Test
    void oneClassAndMismatchedLabelCountsAreRefused() {
        String[] one = new String[30];
        java.util.Arrays.fill(one, "normal");
        assertEquals("y: has only one class (\"normal\"); a classifier needs at least two",
                message(() -> PLUGNET.fit(SPEC).on(NAMES, rows(30), one)));
        assertEquals("y: has 29 labels for 30 rows of x; expected one label per row",
                message(() -> PLUGNET.fit(SPEC).on(NAMES, rows(30), labels(29))));
        String[] empty = labels(30);
        empty[8] = "";
        assertEquals("y row 9: the label is empty", message(() -> PLUGNET.fit(SPEC).on(NAMES, rows(30), empty)));
        assertEquals("x: has no rows", message(() -> PLUGNET.fit(SPEC).on(NAMES, new double[0][], new String[0])));
    }

    @Test
    void dataThatDoesNotFitTheModelSaysSo() {
        assertEquals("x: has 4 feature columns (a, b, c, d), but the model \"thyroid-5-4-3\" has 5 inputs",
                message(() -> PLUGNET.fit(SPEC).on(List.of("a", "b", "c", "d"), new double[][] {{1, 2, 3, 4},
                        {2, 3, 4, 5}}, new String[] {"p", "q"})));
        String[] two = labels(30);
        for (int i = 0; i < two.length; i++) {
            two[i] = i % 2 == 0 ? "p" : "q";
        }
        assertEquals("x: has 2 classes (p, q), but the model \"thyroid-5-4-3\" has 3 outputs; give the last layer that"
                + " many units, or leave its units out (\"auto\")",
                message(() -> PLUGNET.fit(SPEC).on(NAMES, rows(30), two)));
    }

    @Test
    void predictionChecksItsRowToo() {
        TrainedModel model = PLUGNET.fit(SPEC).epochs(1).on(NAMES, rows(30), labels(30));
        assertEquals("row: has 4 values; the model has 5 features (t3_resin_uptake, total_thyroxin,"
                + " total_triiodothyronine, basal_tsh, tsh_response)", message(() -> model.predict(new double[4])));
        assertEquals("row, column \"total_thyroxin\": expected a finite number, got NaN",
                message(() -> model.predict(new double[] {1, Double.NaN, 3, 4, 5})));
        double[][] x = rows(700);
        x[600][0] = Double.POSITIVE_INFINITY;
        assertEquals("x row 601, column \"t3_resin_uptake\": expected a finite number, got Infinity",
                message(() -> model.predictProbabilities(x)));
        assertEquals("row: has no feature \"basal_tsh\"; the model's features are t3_resin_uptake, total_thyroxin,"
                + " total_triiodothyronine, basal_tsh, tsh_response", message(() -> model.predict(Map.of(
                        "t3_resin_uptake", 1, "total_thyroxin", 2, "total_triiodothyronine", 3, "tsh_response", 5))));
        assertEquals("probabilities: has length 2; expected at least 3, one per class (hyper, hypo, normal)",
                message(() -> model.newPredictor().predict(rows(1)[0], new double[2])));
        assertThrows(DataException.class, () -> model.predict((double[]) null));
    }

    @Test
    void aRowByNameIgnoresOtherNamesAndMatchesTheArrayForm() {
        TrainedModel model = PLUGNET.fit(SPEC).epochs(2).on(NAMES, rows(30), labels(30));
        double[] row = rows(30)[4];
        Map<String, Double> byName = new java.util.HashMap<>();
        for (int j = 0; j < NAMES.size(); j++) {
            byName.put(NAMES.get(j), row[j]);
        }
        byName.put("patient_id", 1234.0);
        assertEquals(model.predict(row), model.predict(byName));
    }
}
