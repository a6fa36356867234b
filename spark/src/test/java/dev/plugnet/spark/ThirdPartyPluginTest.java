package dev.plugnet.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Third-party plugins on Spark: the example plugin's jar (layer_norm, dropout), shipped with {@code spark.jars},
 * is found by the executors, which train and score with it; a plugin that is on the driver but not shipped fails
 * on the executors with one message naming the plugin and how to ship it.
 */
@ExtendWith(LocalSpark.class)
class ThirdPartyPluginTest {
    @Test
    void aPluginShippedWithSparkJarsTrainsAndScoresOnTheExecutors(LocalSpark.Session s) throws Exception {
        String json = Files.readString(java.nio.file.Path.of(System.getProperty("plugnet.examples", "../examples"),
                "third-party-layer", "model.json"));
        Dataset<Row> data = s.thyroid().repartition(2).cache();
        double accuracy = LocalSpark.Session.onDriverWith(s.shippedJar, () -> {
            PlugnetClassificationModel model = new PlugnetClassifier()
                    .setModel(json)
                    .setFeatureCols(LocalSpark.THYROID_FEATURES)
                    .setLabelCol("diagnosis")
                    .setTrainingMode("averaging")
                    .setEpochs(30)
                    .setBatchSize(16)
                    .setValidationFraction(0)
                    .setPatience(0)
                    .fit(data);
            assertTrue(model.checkpointJson().contains("\"layer_norm\""));
            Dataset<Row> scored = model.transform(data);
            return (double) scored.filter("predictedLabel = diagnosis").count() / scored.count();
        });
        assertTrue(accuracy > 0.85, "accuracy " + accuracy);
        data.unpersist();
    }

    @Test
    void aPluginMissingOnTheExecutorsIsOneMessageNamingIt(LocalSpark.Session s) throws Exception {
        String json = """
                {"format": 1, "name": "scaled", "inputs": 5,
                 "layers": [{"type": "scale", "factor": 0.5}, {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy", "optimizer": {"type": "adam", "learning_rate": 0.01}}
                """;
        Dataset<Row> data = s.thyroid();
        PlugnetSparkException e = assertThrows(PlugnetSparkException.class, () -> LocalSpark.Session.onDriverWith(
                s.driverOnlyJar, () -> new PlugnetClassifier().setModel(json)
                        .setFeatureCols(LocalSpark.THYROID_FEATURES).setLabelCol("diagnosis").setEpochs(1)
                        .setValidationFraction(0).setPatience(0).fit(data)));
        assertTrue(e.getMessage().contains("unknown layer \"scale\""), e.getMessage());
        assertTrue(e.getMessage().contains("spark.jars"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
