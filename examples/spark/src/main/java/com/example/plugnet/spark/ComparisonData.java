package com.example.plugnet.spark;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * One data set of the comparison, split once for every contender: {@code train} holds the training rows and
 * the validation rows, told apart by the boolean column {@code validation} (MLPC trains on the training rows
 * alone, plugnet on the same rows with the validation rows held out through {@code validationIndicatorCol}),
 * {@code test} the rows every accuracy is measured on. Columns: {@code features} (a vector) and {@code label}
 * (the class's index, a double).
 *
 * @param centres the generating classes' centres (synthetic data), for the Bayes-optimal accuracy; else null
 * @param sigma the clouds' standard deviation (synthetic data)
 */
record ComparisonData(String name, Dataset<Row> train, Dataset<Row> test, int inputs, int classes,
                      double[][] centres, double sigma) {
    private static final String[] THYROID = {"t3_resin_uptake", "total_thyroxin", "total_triiodothyronine",
            "basal_tsh", "tsh_response"};

    /** @return MLPC's training rows: those of {@code train} not marked for validation */
    Dataset<Row> trainingRows() {
        return train.filter("NOT validation").drop("validation");
    }

    /** The bundled new-thyroid data: a seeded 20 % for the test, 10 % of the rest for validation. */
    static ComparisonData thyroid(SparkSession spark, String folder) {
        Dataset<Row> raw = spark.read().option("header", "true").option("inferSchema", "true")
                .csv(Path.of(folder, "new-thyroid.csv").toString());
        Dataset<Row> features = new VectorAssembler().setInputCols(THYROID).setOutputCol("features").transform(raw);
        Dataset<Row> labelled = new StringIndexer().setInputCol("diagnosis").setOutputCol("label")
                .setStringOrderType("alphabetAsc").fit(features).transform(features).select("features", "label");
        return split("thyroid", labelled.repartition(2), 0.2, 5, 3, null, 0);
    }

    /**
     * {@code rows} rows of 20 features in 5 classes: Gaussian clouds (σ 1.6) around seeded centres in [−1, 1]²⁰,
     * each row drawn from its own seeded generator (the same data for any partitioning); 10 % for the test, 10 %
     * of the rest for validation.
     */
    static ComparisonData synthetic(SparkSession spark, int rows) {
        int features = 20;
        int classes = 5;
        double sigma = 1.6;
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
                    x[j] = centres[c][j] + sigma * gaussian(g);
                }
                return RowFactory.create(Vectors.dense(x), (double) c);
            }
        };
        Dataset<Row> all = spark.range(0, rows, 1, 2).toDF("id").mapPartitions(draw, Encoders.row(schema));
        return split("synthetic", all, 0.1, features, classes, centres, sigma);
    }

    private static ComparisonData split(String name, Dataset<Row> all, double testFraction, int inputs, int classes,
                                        double[][] centres, double sigma) {
        Dataset<Row>[] parts = all.randomSplit(new double[] {1 - testFraction, testFraction}, 42);
        Dataset<Row> train = parts[0].withColumn("validation", functions.rand(43).lt(0.1)).cache();
        Dataset<Row> test = parts[1].cache();
        train.count();
        test.count();
        return new ComparisonData(name, train, test, inputs, classes, centres, sigma);
    }

    /**
     * @return the accuracy on the test rows of the Bayes-optimal classifier, the nearest centre (the classes are
     *         equally likely, with the same isotropic spread), or NaN for data of unknown distribution
     */
    double bayesAccuracy() {
        if (centres == null) {
            return Double.NaN;
        }
        double[][] c = centres;
        long right = test.javaRDD().filter(row -> {
            double[] x = ((Vector) row.get(0)).toArray();
            int best = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int k = 0; k < c.length; k++) {
                double d = 0;
                for (int j = 0; j < x.length; j++) {
                    d += (x[j] - c[k][j]) * (x[j] - c[k][j]);
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = k;
                }
            }
            return best == (int) row.getDouble(1);
        }).count();
        return (double) right / test.count();
    }

    private static double gaussian(SplittableRandom g) {
        double u = g.nextDouble();
        double v = g.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
