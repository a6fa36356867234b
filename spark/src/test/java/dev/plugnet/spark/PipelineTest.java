package dev.plugnet.spark;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The estimator in a Spark ML {@link Pipeline} (a {@code VectorAssembler} in front), trained by parameter
 * averaging with early stopping on a validation split, saved, loaded and used again: the loaded pipeline scores
 * every row exactly as the fitted one, and the unfitted pipeline saves and loads too.
 */
@ExtendWith(LocalSpark.class)
class PipelineTest {
    @Test
    void fitsSavesLoadsAndTransformsInAPipeline(LocalSpark.Session s) throws Exception {
        Dataset<Row> data = s.thyroid().repartition(2).cache();
        PlugnetClassifier plugnet = new PlugnetClassifier()
                .setModel(LocalSpark.Session.bundled("thyroid-5-4-3.json").toString())
                .setLabelCol("diagnosis")
                .setTrainingMode("averaging")
                .setEpochs(60)
                .setPatience(20)
                .setValidationFraction(0.15);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new VectorAssembler().setInputCols(LocalSpark.THYROID_FEATURES).setOutputCol("features"),
                plugnet});
        PipelineModel fitted = pipeline.fit(data);
        PlugnetClassificationModel model = (PlugnetClassificationModel) fitted.stages()[1];
        assertEquals(List.of("hyper", "hypo", "normal"), model.classes());
        assertEquals(2, model.jobsPerEpoch(), "one averaging round and one validation pass per epoch");
        assertTrue(model.history().size() >= 1 && model.history().bestEpoch() >= 1);
        assertEquals(List.of(LocalSpark.THYROID_FEATURES), model.checkpoint().preprocessing().featureNames(),
                "the assembler's attribute names become the checkpoint's feature names");

        Dataset<Row> scored = fitted.transform(data);
        StringIndexer indexer = new StringIndexer().setInputCol("diagnosis").setOutputCol("label")
                .setStringOrderType("alphabetAsc");
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
                .evaluate(indexer.fit(data).transform(scored));
        assertTrue(accuracy > 0.9, "accuracy " + accuracy);
        Row first = scored.first();
        Vector p = first.getAs("probability");
        assertEquals(1.0, p.toArray()[0] + p.toArray()[1] + p.toArray()[2], 1e-12);
        assertEquals(model.classes().get((int) first.getDouble(first.fieldIndex("prediction"))),
                first.getString(first.fieldIndex("predictedLabel")));

        String folder = s.work.resolve("pipeline-model").toString();
        fitted.write().overwrite().save(folder);
        assertTrue(Files.isRegularFile(s.work.resolve("pipeline-model/stages/1_" + model.uid()
                + "/checkpoint.json")), "the model's folder holds a plugnet checkpoint");
        PipelineModel loaded = PipelineModel.load(folder);
        List<Row> before = scored.select("prediction", "probability", "rawPrediction").collectAsList();
        List<Row> after = loaded.transform(data).select("prediction", "probability", "rawPrediction").collectAsList();
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).getDouble(0), after.get(i).getDouble(0));
            assertArrayEquals(((Vector) before.get(i).get(1)).toArray(), ((Vector) after.get(i).get(1)).toArray());
            assertArrayEquals(((Vector) before.get(i).get(2)).toArray(), ((Vector) after.get(i).get(2)).toArray());
        }

        String unfitted = s.work.resolve("pipeline").toString();
        pipeline.write().overwrite().save(unfitted);
        PlugnetClassifier reloaded = (PlugnetClassifier) Pipeline.load(unfitted).getStages()[1];
        assertEquals("averaging", reloaded.getOrDefault(reloaded.trainingMode()));
        assertEquals(60, (int) reloaded.getOrDefault(reloaded.epochs()));
        data.unpersist();
    }
}
