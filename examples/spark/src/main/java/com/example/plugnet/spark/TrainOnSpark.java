package com.example.plugnet.spark;

import dev.plugnet.core.train.EpochStats;
import dev.plugnet.spark.PlugnetClassificationModel;
import dev.plugnet.spark.PlugnetClassifier;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trains plugnet networks on Spark ({@code local[2]}) in a Pipeline and prints their metrics: the 5-4-3 thyroid
 * network with synchronous gradient aggregation, and a wider 5-64-32-3 ReLU network with parameter averaging.
 * Each model is saved as a Spark ML model whose folder holds a plugnet checkpoint.
 *
 * <pre>mvn -q -f examples/spark/pom.xml compile exec:exec [-Dargs="DATA_FOLDER OUT_FOLDER CLI_CHECKPOINT"]</pre>
 */
public final class TrainOnSpark {
    private static final String[] FEATURES = {"t3_resin_uptake", "total_thyroxin", "total_triiodothyronine",
            "basal_tsh", "tsh_response"};

    public static void main(String[] args) throws Exception {
        Path bundled = Path.of(args.length > 0 ? args[0] : "../../app/src/main/resources/dev/plugnet/app/examples");
        Path out = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/models"));
        SparkSession spark = SparkSession.builder().master("local[2]").appName("plugnet-on-spark")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            Dataset<Row> data = spark.read().option("header", "true").option("inferSchema", "true")
                    .csv(bundled.resolve("new-thyroid.csv").toString());
            Dataset<Row>[] split = data.randomSplit(new double[] {0.8, 0.2}, 42);
            Dataset<Row> train = split[0].repartition(2).cache();
            Dataset<Row> test = split[1].cache();
            System.out.printf("new-thyroid: %d training rows (2 partitions), %d test rows%n", train.count(),
                    test.count());

            run("5-4-3, synchronous", new PlugnetClassifier()
                    .setModel(bundled.resolve("thyroid-5-4-3.json").toString())
                    .setLabelCol("diagnosis")
                    .setTrainingMode("synchronous")
                    .setBatchSize(32)
                    .setEpochs(150), train, test, out.resolve("thyroid-5-4-3"));
            run("5-64-32-3, averaging", new PlugnetClassifier()
                    .setModel(Files.readString(Path.of("thyroid-wide.json")))
                    .setLabelCol("diagnosis")
                    .setTrainingMode("averaging"), train, test, out.resolve("thyroid-wide"));
            if (args.length > 2) {
                // a checkpoint written by `plugnet train` scores on Spark as it is
                PlugnetClassificationModel cli = PlugnetClassificationModel.fromCheckpoint(Path.of(args[2]));
                Dataset<Row> scored = cli.transform(test);
                System.out.printf("%n%s (from plugnet train): test accuracy %.3f%n", args[2],
                        (double) scored.filter("predictedLabel = diagnosis").count() / scored.count());
            }
        } finally {
            spark.stop();
        }
    }

    private static void run(String name, PlugnetClassifier plugnet, Dataset<Row> train, Dataset<Row> test,
                            Path saveTo) throws Exception {
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new VectorAssembler().setInputCols(FEATURES).setOutputCol("features"), plugnet});
        long start = System.nanoTime();
        PipelineModel fitted = pipeline.fit(train);
        double seconds = (System.nanoTime() - start) / 1e9;
        PlugnetClassificationModel model = (PlugnetClassificationModel) fitted.stages()[1];
        EpochStats kept = model.history().epoch(model.history().bestEpoch());

        // Spark's evaluators compare numeric labels: index the class names in the model's (alphabetical) order
        Dataset<Row> scored = new StringIndexer().setInputCol("diagnosis").setOutputCol("label")
                .setStringOrderType("alphabetAsc").fit(train).transform(fitted.transform(test));
        MulticlassClassificationEvaluator evaluator = new MulticlassClassificationEvaluator();
        double accuracy = evaluator.setMetricName("accuracy").evaluate(scored);
        double f1 = evaluator.setMetricName("f1").evaluate(scored);

        fitted.write().overwrite().save(saveTo.toString());
        System.out.printf("%n%s: %d epochs%s in %.1f s, %d Spark jobs per epoch%n", name, model.history().size(),
                model.history().stoppedEarly() ? " (stopped early)" : "", seconds, model.jobsPerEpoch());
        System.out.printf("  kept epoch %d: train loss %.4f, validation loss %.4f, validation accuracy %.3f%n",
                kept.epoch(), kept.trainLoss(), kept.validationLoss(), kept.validationAccuracy());
        System.out.printf("  test: accuracy %.3f, weighted F1 %.3f%n", accuracy, f1);
        System.out.printf("  saved to %s (plugnet checkpoint: %s)%n", saveTo,
                saveTo.resolve("stages/1_" + model.uid() + "/checkpoint.json"));
    }
}
