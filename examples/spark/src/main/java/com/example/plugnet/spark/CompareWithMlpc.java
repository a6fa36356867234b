package com.example.plugnet.spark;

import dev.plugnet.core.train.EpochStats;
import dev.plugnet.spark.PlugnetClassificationModel;
import dev.plugnet.spark.PlugnetClassifier;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * plugnet beside Spark's MultilayerPerceptronClassifier (MLPC) on {@code local[2]}, on the same DataFrame with
 * the same split ({@link ComparisonData}): MLPC's network trained by MLPC (L-BFGS, at Spark's default
 * {@code maxIter} 100 and, when that stops it before its tolerance does, again with room to converge) and by
 * plugnet (Adam, in both training modes), and a network a plugnet user would pick (ReLU hidden layers, Adam,
 * early stopping), which MLPC cannot train. For each: test accuracy, training time, the time of a separately
 * timed run to MLPC's best test accuracy, scoring rows per second, and the Spark jobs per epoch (per L-BFGS
 * iteration for MLPC); for the generated data also the Bayes-optimal accuracy, the ceiling.
 *
 * <pre>
 * mvn -q -f examples/spark/pom.xml compile exec:exec -Dmain=com.example.plugnet.spark.CompareWithMlpc -Dargs=thyroid
 * mvn -q -f examples/spark/pom.xml compile exec:exec -Dmain=com.example.plugnet.spark.CompareWithMlpc \
 *     -Dargs="synthetic 1000000"
 * </pre>
 *
 * Options after those, as {@code key=value}: {@code mlpcIterations} (the converging run's maxIter, default
 * 1000), {@code mlpcBlock} (MLPC's blockSize, default Spark's 128), {@code data} (thyroid's folder).
 */
public final class CompareWithMlpc {
    /** Counts the Spark jobs started. */
    static final class JobCounter extends SparkListener {
        final AtomicLong jobs = new AtomicLong();

        @Override
        public void onJobStart(SparkListenerJobStart jobStart) {
            jobs.incrementAndGet();
        }
    }

    /** A plugnet contender: its table label and its estimator (with every setting but the epochs' count). */
    record Contender(String label, int epochs, Supplier<PlugnetClassifier> estimator) {
    }

    /** One MLPC fit: the model, its seconds, its L-BFGS iterations, its jobs. */
    record MlpcRun(MultilayerPerceptronClassificationModel model, double seconds, int iterations, long jobs,
                   int maxIter, double accuracy) {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "thyroid";
        Map<String, String> options = new LinkedHashMap<>();
        int rows = 1_000_000;
        for (int i = 1; i < args.length; i++) {
            if (args[i].contains("=")) {
                options.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
            } else {
                rows = Integer.parseInt(args[i]);
            }
        }
        int mlpcIterations = Integer.parseInt(options.getOrDefault("mlpcIterations", "1000"));
        int mlpcBlock = Integer.parseInt(options.getOrDefault("mlpcBlock", "128"));
        SparkSession spark = SparkSession.builder().master("local[2]").appName("plugnet-vs-mlpc")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        JobCounter counter = new JobCounter();
        spark.sparkContext().addSparkListener(counter);
        try {
            System.out.printf(Locale.ROOT, "Java %s, Spark %s, local[2]; load %s%n", Runtime.version(),
                    spark.version(), load());
            ComparisonData data = which.equals("thyroid")
                    ? ComparisonData.thyroid(spark, options.getOrDefault("data",
                            "../../app/src/main/resources/dev/plugnet/app/examples"))
                    : ComparisonData.synthetic(spark, rows);
            long validation = data.train().filter("validation").count();
            System.out.printf(Locale.ROOT, "%s: %d training rows, %d validation rows, %d test rows, %d features,"
                            + " %d classes%n", which, data.train().count() - validation, validation, data.test().count(),
                    data.inputs(), data.classes());
            int hidden = which.equals("thyroid") ? 4 : 16;

            // scoring is timed on at least 200,000 rows (the training rows, repeated for the small set)
            Dataset<Row> train = data.train();
            long repeat = Math.max(1, 200_000 / train.count());
            Dataset<Row> scoring = train.drop("validation").crossJoin(spark.range(repeat).toDF("copy"))
                    .drop("copy").cache();
            scoring.count();

            List<String> table = new ArrayList<>();
            table.add("| model | test accuracy | training time | time to MLPC's accuracy | scoring rows/s | jobs per epoch |");
            table.add("|---|---|---|---|---|---|");

            // MLPC, on the training rows standardised as plugnet standardises them (MLPC does not by itself)
            StandardScalerModel scaler = new StandardScaler().setInputCol("features").setOutputCol("scaled")
                    .setWithMean(true).setWithStd(true).fit(data.trainingRows());
            Dataset<Row> mlpcTrain = scaler.transform(data.trainingRows()).cache();
            mlpcTrain.count();
            Dataset<Row> mlpcTest = scaler.transform(data.test()).cache();
            mlpcTest.count();
            Dataset<Row> mlpcScoring = scaler.transform(scoring).cache();
            mlpcScoring.count();
            int[] layers = {data.inputs(), hidden, data.classes()};
            List<MlpcRun> mlpc = new ArrayList<>();
            mlpc.add(mlpc(layers, 100, mlpcBlock, mlpcTrain, mlpcTest, counter));
            if (mlpc.get(0).iterations() >= 100 && mlpcIterations > 100) {
                mlpc.add(mlpc(layers, mlpcIterations, mlpcBlock, mlpcTrain, mlpcTest, counter));
            }
            double target = mlpc.stream().mapToDouble(MlpcRun::accuracy).max().orElseThrow();
            for (MlpcRun m : mlpc) {
                MlpcRun first = mlpc.stream().filter(r -> r.accuracy() >= target).findFirst().orElseThrow();
                String reached = m.accuracy() >= target ? seconds(first == m ? m.seconds() : first.seconds())
                        + (first == m ? "" : " (the maxIter " + first.maxIter() + " run)") : "not reached";
                String stop = m.iterations() >= m.maxIter() ? "stopped at maxIter " + m.maxIter()
                        : "converged (tol 1e-6) after " + m.iterations() + " of maxIter " + m.maxIter();
                table.add(String.format(Locale.ROOT, "| MLPC, %d-%d-%d sigmoid, L-BFGS, blockSize %d, %s | %.4f | %s"
                                + " | %s | %,.0f | %.1f per iteration |", layers[0], layers[1], layers[2], mlpcBlock,
                        stop, m.accuracy(), seconds(m.seconds()), reached, scoringRate(m.model(), mlpcScoring),
                        (double) m.jobs() / Math.max(1, m.iterations())));
            }

            for (Contender c : contenders(which, data, hidden)) {
                long t1 = System.nanoTime();
                PlugnetClassificationModel fitted = c.estimator().get().setEpochs(c.epochs()).fit(train);
                double fitSeconds = since(t1);
                double acc = accuracy(fitted.transform(data.test()));
                String toTarget = timeToTarget(c, fitted, acc, fitSeconds, target, validation, train, data.test());
                String epochs = fitted.history().stoppedEarly()
                        ? String.format(Locale.ROOT, "stopped after %d epochs, kept epoch %d", fitted.history().size(),
                        fitted.history().bestEpoch())
                        : fitted.history().size() + " epochs";
                table.add(String.format(Locale.ROOT, "| %s, %s | %.4f | %s | %s | %,.0f | %d |", c.label(), epochs, acc,
                        seconds(fitSeconds), toTarget, scoringRate(fitted, scoring), fitted.jobsPerEpoch()));
            }
            double bayes = data.bayesAccuracy();
            if (!Double.isNaN(bayes)) {
                table.add(String.format(Locale.ROOT, "| Bayes-optimal (the nearest of the generating centres) | %.4f"
                        + " | — | — | — | — |", bayes));
            }
            System.out.println();
            table.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "%nMLPC's best test accuracy %.4f; standard error of a test accuracy near it"
                            + " %.4f; load %s%n", target, Math.sqrt(target * (1 - target) / data.test().count()), load());
        } finally {
            spark.stop();
        }
    }

    private static List<Contender> contenders(String which, ComparisonData data, int hidden) throws Exception {
        List<Contender> list = new ArrayList<>();
        String shape = data.inputs() + "-" + hidden + "-" + data.classes() + " sigmoid";
        if (which.equals("thyroid")) {
            String mlpcShape = network(data, hidden, 0.02, "");
            list.add(new Contender("plugnet, " + shape + ", Adam η 0.02, synchronous, batch 32", 300,
                    () -> plugnet(mlpcShape).setTrainingMode("synchronous").setBatchSize(32).setPatience(0)));
            list.add(new Contender("plugnet, " + shape + ", Adam η 0.02, averaging, batch 16", 300,
                    () -> plugnet(mlpcShape).setTrainingMode("averaging").setBatchSize(16).setPatience(0)));
            String wide = Files.readString(Path.of("thyroid-wide.json"));
            list.add(new Contender("plugnet, 5-64-32-3 ReLU (He), Adam η 0.005, averaging, batch 16, early stopping"
                    + " (patience 20)", 100, () -> plugnet(wide).setTrainingMode("averaging").setBatchSize(16)
                    .setPatience(20)));
            return list;
        }
        String cosine = ", \"training\": {\"schedule\": {\"type\": \"cosine\", \"min_rate\": 0.0002}}";
        String mlpcShape = network(data, hidden, 0.01, cosine);
        list.add(new Contender("plugnet, " + shape + ", Adam η 0.01 cosine, synchronous, batch 4096", 20,
                () -> plugnet(mlpcShape).setTrainingMode("synchronous").setBatchSize(4096).setPatience(0)));
        list.add(new Contender("plugnet, " + shape + ", Adam η 0.01 cosine, averaging, batch 64", 20,
                () -> plugnet(mlpcShape).setTrainingMode("averaging").setBatchSize(64).setPatience(0)));
        String relu = String.format(Locale.ROOT, """
                {"format": 1, "name": "wide-relu", "inputs": %d,
                 "layers": [{"type": "dense", "units": 64, "activation": "relu", "init": "he"},
                            {"type": "dense", "units": 32, "activation": "relu", "init": "he"},
                            {"type": "dense", "units": %d, "activation": "softmax"}],
                 "loss": "cross_entropy", "optimizer": {"type": "adam", "learning_rate": 0.003}, "seed": 42}
                """, data.inputs(), data.classes());
        list.add(new Contender("plugnet, " + data.inputs() + "-64-32-" + data.classes() + " ReLU (He), Adam η 0.003,"
                + " averaging, batch 64, early stopping (patience 3)", 30,
                () -> plugnet(relu).setTrainingMode("averaging").setBatchSize(64).setPatience(3)));
        return list;
    }

    /**
     * @return the time of the first separately timed run of this contender whose test accuracy reaches
     *         {@code target}: runs of n, 2n, 4n … epochs (fewer than the whole run's), n the first epoch of the
     *         whole run whose validation accuracy came within one standard error of {@code target}; else the whole
     *         run, if it reached it
     */
    private static String timeToTarget(Contender c, PlugnetClassificationModel fitted, double accuracy,
                                       double fitSeconds, double target, long validationRows, Dataset<Row> train,
                                       Dataset<Row> test) {
        double slack = Math.sqrt(target * (1 - target) / Math.max(1, validationRows));
        int trained = fitted.history().size();
        int n = trained;
        for (EpochStats e : fitted.history().epochs()) {
            if (e.validationAccuracy() >= target - slack) {
                n = e.epoch();
                break;
            }
        }
        for (; n < trained; n = 2 * n) {
            long t = System.nanoTime();
            PlugnetClassificationModel shorter = c.estimator().get().setEpochs(n).fit(train);
            double s = since(t);
            double a = accuracy(shorter.transform(test));
            if (a >= target) {
                return String.format(Locale.ROOT, "%s (%d epochs, test accuracy %.4f)", seconds(s), n, a);
            }
        }
        return accuracy >= target ? seconds(fitSeconds) + " (the whole run)" : "not reached in " + trained + " epochs";
    }

    /** @return MLPC's network (sigmoid hidden layer, softmax output, mean cross-entropy) as a plugnet model */
    private static String network(ComparisonData d, int hidden, double rate, String training) {
        return String.format(Locale.ROOT, """
                {"format": 1, "name": "mlpc-shape", "inputs": %d,
                 "layers": [{"type": "dense", "units": %d, "activation": "sigmoid"},
                            {"type": "dense", "units": %d, "activation": "softmax"}],
                 "loss": "cross_entropy", "optimizer": {"type": "adam", "learning_rate": %s}, "seed": 42%s}
                """, d.inputs(), hidden, d.classes(), rate, training);
    }

    private static PlugnetClassifier plugnet(String model) {
        return new PlugnetClassifier().setModel(model).setFeaturesCol("features").setLabelCol("label")
                .setValidationIndicatorCol("validation").setSeed(42);
    }

    private static MlpcRun mlpc(int[] layers, int maxIter, int block, Dataset<Row> train, Dataset<Row> test,
                                JobCounter counter) {
        MultilayerPerceptronClassifier mlpc = new MultilayerPerceptronClassifier().setFeaturesCol("scaled")
                .setLayers(layers).setMaxIter(maxIter).setTol(1e-6).setSolver("l-bfgs").setBlockSize(block)
                .setSeed(42L);
        long jobs0 = counter.jobs.get();
        long t0 = System.nanoTime();
        MultilayerPerceptronClassificationModel model = mlpc.fit(train);
        double seconds = since(t0);
        long jobs = counter.jobs.get() - jobs0;
        int iterations = model.summary().totalIterations();
        return new MlpcRun(model, seconds, iterations, jobs, maxIter, accuracy(model.transform(test)));
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static double accuracy(Dataset<Row> scored) {
        return new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(scored);
    }

    /** @return rows scored per second over {@code data} (the second of two passes: the first warms up) */
    private static double scoringRate(org.apache.spark.ml.Model<?> model, Dataset<Row> data) {
        long rows = data.count();
        double rate = 0;
        for (int pass = 0; pass < 2; pass++) {
            long t = System.nanoTime();
            model.transform(data).agg(functions.sum("prediction")).collect();
            rate = rows / since(t);
        }
        return rate;
    }
}
