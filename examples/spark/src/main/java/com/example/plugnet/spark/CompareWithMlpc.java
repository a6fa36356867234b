package com.example.plugnet.spark;

import dev.plugnet.core.train.EpochStats;
import dev.plugnet.spark.PlugnetClassificationModel;
import dev.plugnet.spark.PlugnetClassifier;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * plugnet beside Spark's MultilayerPerceptronClassifier (MLPC) on the same DataFrames, on {@code local[2]}: the
 * same network shape (one sigmoid hidden layer, softmax output), MLPC with its L-BFGS, plugnet with Adam in both
 * training modes. For each: test accuracy, training time, plugnet's training time to reach MLPC's accuracy (a
 * second run stopped at the first epoch whose validation accuracy reached it), scoring rows per second, and the
 * Spark jobs training launched per epoch (per L-BFGS iteration for MLPC). MLPC gets the features standardised
 * with the training rows' means and deviations, as plugnet standardises them itself.
 *
 * <pre>
 * mvn -q -f examples/spark/pom.xml compile exec:exec -Dmain=com.example.plugnet.spark.CompareWithMlpc -Dargs=thyroid
 * mvn -q -f examples/spark/pom.xml compile exec:exec -Dmain=com.example.plugnet.spark.CompareWithMlpc \
 *     -Dargs="synthetic 1000000"
 * </pre>
 */
public final class CompareWithMlpc {
    private static final String[] THYROID = {"t3_resin_uptake", "total_thyroxin", "total_triiodothyronine",
            "basal_tsh", "tsh_response"};

    /** Counts the Spark jobs started. */
    static final class JobCounter extends SparkListener {
        final AtomicLong jobs = new AtomicLong();

        @Override
        public void onJobStart(SparkListenerJobStart jobStart) {
            jobs.incrementAndGet();
        }
    }

    record Data(Dataset<Row> train, Dataset<Row> test, int inputs, int classes, int hidden, int mlpcIterations,
                int epochs, int averagingBatch, int synchronousBatch, double learningRate, String training) {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "thyroid";
        SparkSession spark = SparkSession.builder().master("local[2]").appName("plugnet-vs-mlpc")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        JobCounter counter = new JobCounter();
        spark.sparkContext().addSparkListener(counter);
        try {
            Data data = which.equals("thyroid") ? thyroid(spark, args.length > 1 ? args[1]
                    : "../../app/src/main/resources/dev/plugnet/app/examples")
                    : synthetic(spark, args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
            System.out.printf(Locale.ROOT, "%s: %d training rows, %d test rows, %d features, %d classes; "
                            + "network %d-%d-%d (sigmoid, softmax)%n", which, data.train.count(), data.test.count(),
                    data.inputs, data.classes, data.inputs, data.hidden, data.classes);
            List<String> table = new ArrayList<>();
            table.add("| model | accuracy | training time | time to MLPC's accuracy | scoring rows/s | jobs per epoch |");
            table.add("|---|---|---|---|---|---|");

            // scoring is timed on at least 200,000 rows (the training rows, repeated for the small set)
            long repeat = Math.max(1, 200_000 / data.train.count());
            Dataset<Row> scoring = data.train.crossJoin(spark.range(repeat).toDF("copy")).drop("copy").cache();
            scoring.count();

            // MLPC, on standardised features as plugnet sees them (MLPC does not standardise by itself)
            StandardScalerModel scaler = new StandardScaler().setInputCol("features").setOutputCol("scaled")
                    .setWithMean(true).setWithStd(true).fit(data.train);
            MultilayerPerceptronClassifier mlpc = new MultilayerPerceptronClassifier().setFeaturesCol("scaled")
                    .setLayers(new int[] {data.inputs, data.hidden, data.classes}).setMaxIter(data.mlpcIterations)
                    .setSeed(42L).setBlockSize(128);
            Dataset<Row> scaledTrain = scaler.transform(data.train).cache();
            scaledTrain.count();
            long jobs0 = counter.jobs.get();
            long t0 = System.nanoTime();
            MultilayerPerceptronClassificationModel mlpcModel = mlpc.fit(scaledTrain);
            double mlpcSeconds = seconds(t0);
            long mlpcJobs = counter.jobs.get() - jobs0;
            int iterations = mlpcModel.summary().totalIterations();
            double mlpcAccuracy = accuracy(mlpcModel.transform(scaler.transform(data.test)));
            Dataset<Row> scaledScoring = scaler.transform(scoring).cache();
            scaledScoring.count();
            double mlpcRate = scoringRate(mlpcModel, scaledScoring);
            table.add(String.format(Locale.ROOT, "| MLPC (L-BFGS, %d iterations) | %.4f | %.1f s | %.1f s | %,.0f | %.1f"
                            + " per iteration |", iterations, mlpcAccuracy, mlpcSeconds, mlpcSeconds, mlpcRate,
                    (double) mlpcJobs / Math.max(1, iterations)));

            for (String mode : new String[] {"averaging", "synchronous"}) {
                int batch = mode.equals("averaging") ? data.averagingBatch : data.synchronousBatch;
                Supplier<PlugnetClassifier> plugnet = () -> new PlugnetClassifier()
                        .setModel(model(data)).setTrainingMode(mode).setBatchSize(batch).setEpochs(data.epochs)
                        .setValidationFraction(0.1).setPatience(0).setSeed(42);
                long t1 = System.nanoTime();
                PlugnetClassificationModel fitted = plugnet.get().fit(data.train);
                double fitSeconds = seconds(t1);
                double acc = accuracy(fitted.transform(data.test));
                // the first epoch whose validation accuracy reaches MLPC's test accuracy, then (doubling) the
                // first such run whose test accuracy does too, timed on its own
                int reached = 0;
                for (EpochStats e : fitted.history().epochs()) {
                    if (e.validationAccuracy() >= mlpcAccuracy) {
                        reached = e.epoch();
                        break;
                    }
                }
                String toAccuracy = "not reached in " + data.epochs + " epochs";
                for (int n = reached; n > 0 && n <= data.epochs; n = n * 2) {
                    long t2 = System.nanoTime();
                    PlugnetClassificationModel early = plugnet.get().setEpochs(n).fit(data.train);
                    double s = seconds(t2);
                    double a = accuracy(early.transform(data.test));
                    if (a >= mlpcAccuracy) {
                        toAccuracy = String.format(Locale.ROOT, "%.1f s (%d epochs, test accuracy %.4f)", s, n, a);
                        break;
                    }
                }
                double rate = scoringRate(fitted, scoring);
                table.add(String.format(Locale.ROOT, "| plugnet, %s, batch %d, %d epochs | %.4f | %.1f s | %s | %,.0f "
                                + "| %d |", mode, batch, fitted.history().size(), acc, fitSeconds, toAccuracy, rate,
                        fitted.jobsPerEpoch()));
            }
            System.out.println();
            table.forEach(System.out::println);
        } finally {
            spark.stop();
        }
    }

    private static String model(Data d) {
        return String.format(Locale.ROOT, """
                {"format": 1, "name": "mlpc-shape", "inputs": %d,
                 "layers": [{"type": "dense", "units": %d, "activation": "sigmoid"},
                            {"type": "dense", "units": %d, "activation": "softmax"}],
                 "loss": "cross_entropy", "optimizer": {"type": "adam", "learning_rate": %s}, "seed": 42%s}
                """, d.inputs, d.hidden, d.classes, d.learningRate, d.training);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double accuracy(Dataset<Row> scored) {
        return new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(scored);
    }

    /** @return rows scored per second over {@code data} (the second of two passes: the first warms up) */
    private static double scoringRate(org.apache.spark.ml.Model<?> model, Dataset<Row> data) {
        long rows = data.count();
        double best = 0;
        for (int pass = 0; pass < 2; pass++) {
            long t = System.nanoTime();
            model.transform(data).agg(functions.sum("prediction")).collect();
            best = rows / seconds(t);
        }
        return best;
    }

    private static Data thyroid(SparkSession spark, String folder) {
        Dataset<Row> raw = spark.read().option("header", "true").option("inferSchema", "true")
                .csv(Path.of(folder, "new-thyroid.csv").toString());
        Dataset<Row> features = new VectorAssembler().setInputCols(THYROID).setOutputCol("features").transform(raw);
        Dataset<Row> labelled = new StringIndexer().setInputCol("diagnosis").setOutputCol("label")
                .setStringOrderType("alphabetAsc").fit(features).transform(features).select("features", "label");
        Dataset<Row>[] split = labelled.randomSplit(new double[] {0.8, 0.2}, 42);
        return new Data(split[0].repartition(2).cache(), split[1].cache(), 5, 3, 4, 200, 300, 16, 32, 0.02, "");
    }

    /**
     * @return {@code rows} rows of 20 features in 5 classes: Gaussian clouds (σ 1.6) around seeded centres in
     *         [−1, 1]²⁰, each row drawn from its own seeded generator (the same data for any partitioning)
     */
    private static Data synthetic(SparkSession spark, int rows) {
        int features = 20;
        int classes = 5;
        double[][] centres = new double[classes][features];
        SplittableRandom r = new SplittableRandom(7);
        for (double[] c : centres) {
            for (int j = 0; j < features; j++) {
                c[j] = r.nextDouble(-1, 1);
            }
        }
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType()).add("label",
                DataTypes.DoubleType);
        MapPartitionsFunction<Row, Row> draw = ids -> new Iterator<>() {
            public boolean hasNext() {
                return ids.hasNext();
            }

            public Row next() {
                long id = ids.next().getLong(0);
                SplittableRandom g = new SplittableRandom(id * 0x9E3779B97F4A7C15L + 11);
                int c = g.nextInt(classes);
                double[] x = new double[features];
                for (int j = 0; j < features; j++) {
                    x[j] = centres[c][j] + 1.6 * gaussian(g);
                }
                return RowFactory.create(Vectors.dense(x), (double) c);
            }
        };
        Dataset<Row> all = spark.range(0, rows, 1, 2).toDF("id").mapPartitions(draw, Encoders.row(schema));
        Dataset<Row>[] split = all.randomSplit(new double[] {0.9, 0.1}, 42);
        return new Data(split[0].cache(), split[1].cache(), features, classes, 16, 100, 20, 64, 4096, 0.01,
                ", \"training\": {\"schedule\": {\"type\": \"cosine\", \"min_rate\": 0.0002}}");
    }

    private static double gaussian(SplittableRandom g) {
        double u = g.nextDouble();
        double v = g.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

}
