package dev.plugnet.spark;

import dev.plugnet.api.Matrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Parameter averaging over partitions that took different numbers of local steps: Adam's averaged step count
 * would be a fraction, which Adam refuses; it is rounded to the count a partition of average size reached, so
 * the trained model's checkpoint restores (in the library, in {@code plugnet evaluate}, for a resumed run).
 */
@ExtendWith(LocalSpark.class)
class AveragingStateTest {
    @Test
    void unequalPartitionsGiveAWholeStepCountThatRestores(LocalSpark.Session s) throws Exception {
        Dataset<Row> thyroid = s.thyroid();
        java.util.List<Row> rows = thyroid.collectAsList();
        java.util.List<java.util.List<Row>> parts = java.util.List.of(new java.util.ArrayList<>(rows),
                new java.util.ArrayList<>(rows.subList(0, 30)));
        org.apache.spark.api.java.JavaRDD<Row> uneven = org.apache.spark.api.java.JavaSparkContext
                .fromSparkContext(s.spark.sparkContext()).parallelize(parts, 2).flatMap(java.util.List::iterator);
        Dataset<Row> data = s.spark.createDataFrame(uneven, thyroid.schema()).cache();
        assertEquals(2, data.javaRDD().getNumPartitions());
        int epochs = 3;
        PlugnetClassificationModel model = new PlugnetClassifier()
                .setModel(Files.readString(LocalSpark.Session.bundled("thyroid-5-4-3.json")))
                .setFeatureCols(LocalSpark.THYROID_FEATURES).setLabelCol("diagnosis").setTrainingMode("averaging")
                .setEpochs(epochs).setBatchSize(16).setValidationFraction(0).setPatience(0).fit(data);
        Matrix step = model.checkpoint().optimizerState().get("step");
        // 215 rows take 14 steps an epoch, 30 rows 2: weighted by rows 12.53 a round, rounded after each
        double expected = 0;
        for (int round = 1; round <= epochs; round++) {
            expected = Math.rint(expected + (215 * 14 + 30 * 2) / 245.0);
        }
        assertEquals(39.0, expected);
        assertEquals(expected, step.get(0, 0));
        assertNotNull(model.toTrainedModel(), "the checkpoint restores");
        data.unpersist();
    }
}
