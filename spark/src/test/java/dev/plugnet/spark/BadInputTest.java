package dev.plugnet.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad params and data are one message naming the param, column or row, and what was expected. */
@ExtendWith(LocalSpark.class)
class BadInputTest {
    private static PlugnetClassifier thyroid() throws Exception {
        return new PlugnetClassifier().setModel(Files.readString(LocalSpark.Session.bundled("thyroid-5-4-3.json")))
                .setLabelCol("diagnosis").setEpochs(1);
    }

    private static String failure(PlugnetClassifier estimator, Dataset<Row> data) {
        return assertThrows(PlugnetSparkException.class, () -> estimator.fit(data)).getMessage();
    }

    @Test
    void aMissingFeatureColumnIsNamedWithTheColumnsThereAre(LocalSpark.Session s) throws Exception {
        assertEquals("column \"features\": not found for the features vector (or set featureCols to numeric"
                + " columns); the columns are [t3_resin_uptake, total_thyroxin, total_triiodothyronine, basal_tsh,"
                + " tsh_response, diagnosis]", failure(thyroid(), s.thyroid()));
    }

    @Test
    void aTextFeatureColumnIsRefused(LocalSpark.Session s) throws Exception {
        assertEquals("column \"diagnosis\": expected a numeric column, got string", failure(thyroid()
                .setFeatureCols("t3_resin_uptake", "total_thyroxin", "total_triiodothyronine", "basal_tsh",
                        "diagnosis"), s.thyroid()));
    }

    @Test
    void tooFewFeatureColumnsForTheModelAreRefused(LocalSpark.Session s) throws Exception {
        assertEquals("param featureCols: the model has 5 inputs, got 2 columns [basal_tsh, tsh_response]",
                failure(thyroid().setFeatureCols("basal_tsh", "tsh_response"), s.thyroid()));
    }

    @Test
    void earlyStoppingWithoutValidationRowsIsRefused(LocalSpark.Session s) throws Exception {
        assertEquals("param patience: early stopping (patience 5) watches the validation rows, but"
                + " validationFraction is 0; set a validation fraction above 0, or patience 0 to train every epoch"
                + " and keep the last weights", failure(thyroid().setFeatureCols(LocalSpark.THYROID_FEATURES)
                .setValidationFraction(0).setPatience(5), s.thyroid()));
    }

    @Test
    void aNullFeatureIsNamedByColumnAndRow(LocalSpark.Session s) throws Exception {
        Dataset<Row> data = s.thyroid().selectExpr("IF(t3_resin_uptake = 107, NULL, t3_resin_uptake) AS"
                + " t3_resin_uptake", "total_thyroxin", "total_triiodothyronine", "basal_tsh", "tsh_response",
                "diagnosis").coalesce(1);
        assertEquals("column \"t3_resin_uptake\", partition 0, row 1: expected a number, got null",
                failure(thyroid().setFeatureCols(LocalSpark.THYROID_FEATURES), data));
    }

    @Test
    void aValidationIndicatorMustBeBooleanAndNotNull(LocalSpark.Session s) throws Exception {
        PlugnetClassifier plugnet = thyroid().setFeatureCols(LocalSpark.THYROID_FEATURES);
        assertEquals("column \"diagnosis\": expected a boolean column (true: a validation row, false: a training"
                + " row), got string", failure(plugnet.setValidationIndicatorCol("diagnosis"), s.thyroid()));
        Dataset<Row> data = s.thyroid().selectExpr("*", "IF(t3_resin_uptake = 107, NULL, false) AS held")
                .coalesce(1);
        assertEquals("column \"held\", partition 0, row 1: expected true (a validation row) or false (a training"
                + " row), got null", failure(plugnet.setValidationIndicatorCol("held"), data));
        assertEquals("param validationFraction: both validationFraction and validationIndicatorCol are set; the"
                + " column \"held\" says which rows are validation rows, so set only one of them",
                failure(plugnet.setValidationFraction(0.2), data));
    }

    @Test
    void anUnknownTrainingModeIsRefused() {
        assertEquals("param trainingMode: expected one of [synchronous, averaging], got \"async\"",
                assertThrows(PlugnetSparkException.class, () -> new PlugnetClassifier().setTrainingMode("async"))
                        .getMessage());
    }
}
