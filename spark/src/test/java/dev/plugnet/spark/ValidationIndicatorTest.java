package dev.plugnet.spark;

import dev.plugnet.core.checkpoint.Checkpoint;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code validationIndicatorCol} holds out exactly the rows it marks: training on all rows with the marked
 * ones held out gives the weights of training on the unmarked rows alone, bit for bit, and the validation
 * figures come from the marked rows.
 */
@ExtendWith(LocalSpark.class)
class ValidationIndicatorTest {
    @Test
    void theMarkedRowsAreTheValidationRowsAndNoOthers(LocalSpark.Session s) throws Exception {
        Dataset<Row> data = s.thyroid().coalesce(1)
                .withColumn("held", functions.expr("hash(t3_resin_uptake, total_thyroxin, basal_tsh) % 5 = 0"))
                .cache();
        long held = data.filter("held").count();
        assertTrue(held > 20 && held < 80, held + " rows held out");
        PlugnetClassificationModel indicated = estimator().setValidationIndicatorCol("held").fit(data);
        PlugnetClassificationModel alone = estimator().setValidationFraction(0).fit(data.filter("NOT held"));

        Checkpoint a = indicated.checkpoint();
        Checkpoint b = alone.checkpoint();
        assertArrayEquals(b.preprocessing().standardizer().means(), a.preprocessing().standardizer().means());
        for (String path : b.weights().keySet()) {
            assertArrayEquals(b.weights().get(path).data(), a.weights().get(path).data(), path);
        }
        assertEquals(b.history().last().trainLoss(), a.history().last().trainLoss());
        assertTrue(Double.isFinite(a.history().last().validationLoss()), "validation figures from the marked rows");
        assertTrue(Double.isNaN(b.history().last().validationLoss()), "no validation rows, no validation figures");
        data.unpersist();
    }

    private static PlugnetClassifier estimator() throws Exception {
        return new PlugnetClassifier().setModel(Files.readString(LocalSpark.Session.bundled("thyroid-5-4-3.json")))
                .setFeatureCols(LocalSpark.THYROID_FEATURES).setLabelCol("diagnosis").setEpochs(3).setBatchSize(64)
                .setPatience(0);
    }
}
