package dev.plugnet.spark;

import dev.plugnet.api.ApiVersion;
import dev.plugnet.testkit.PluginJarBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * One {@code local[2]} Spark session for all of the module's tests (Spark's start-up is paid once), with the
 * third-party plugin of {@code examples/third-party-layer} built from its sources and shipped through
 * {@code spark.jars}. Tests run only on the JDKs that Spark 4.2 supports (17, 21, 25); on another they are
 * skipped with a message saying so.
 */
final class LocalSpark implements ExecutionCondition, ParameterResolver {
    static final Set<Integer> SUPPORTED_JDKS = Set.of(17, 21, 25);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        int feature = Runtime.version().feature();
        return SUPPORTED_JDKS.contains(feature) ? ConditionEvaluationResult.enabled("Java " + feature)
                : ConditionEvaluationResult.disabled("Spark 4.2 supports Java 17, 21 and 25; this is Java " + feature
                + ", so the Spark tests are skipped");
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Session.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return e.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Session.class, k -> Session.start(), Session.class);
    }

    /** The shared session and the plugin jars made for it. */
    static final class Session implements ExtensionContext.Store.CloseableResource {
        final SparkSession spark;
        final Path work;
        /** examples/third-party-layer (layer_norm, dropout), in spark.jars */
        final Path shippedJar;
        /** a "scale" layer that is on the driver only, never shipped */
        final Path driverOnlyJar;

        private Session(SparkSession spark, Path work, Path shippedJar, Path driverOnlyJar) {
            this.spark = spark;
            this.work = work;
            this.shippedJar = shippedJar;
            this.driverOnlyJar = driverOnlyJar;
        }

        static Session start() {
            try {
                Path work = Files.createTempDirectory("plugnet-spark-test");
                Path api = Path.of(ApiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path example = Path.of(System.getProperty("plugnet.examples", "../examples"), "third-party-layer");
                Path shipped = PluginJarBuilder.create()
                        .sourceTree(example.resolve("src/main/java"))
                        .resourceTree(example.resolve("src/main/resources"))
                        .modulePath(api)
                        .build(work.resolve("third-party-layers.jar"));
                Path driverOnly = PluginJarBuilder.create()
                        .source("com/example/scale/ScaleProvider.java", SCALE)
                        .resource("META-INF/services/dev.plugnet.api.LayerProvider", "com.example.scale.ScaleProvider\n")
                        .classPath(api)
                        .build(work.resolve("scale.jar"));
                SparkSession spark = SparkSession.builder()
                        .master("local[2]")
                        .appName("plugnet-spark-tests")
                        .config("spark.ui.enabled", "false")
                        .config("spark.sql.shuffle.partitions", "2")
                        .config("spark.driver.host", "127.0.0.1")
                        .config("spark.driver.bindAddress", "127.0.0.1")
                        .config("spark.jars", shipped.toUri().toString())
                        .getOrCreate();
                spark.sparkContext().setLogLevel("ERROR");
                return new Session(spark, work, shipped, driverOnly);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** @return the bundled new-thyroid data: five numeric features and the diagnosis */
        Dataset<Row> thyroid() {
            StructType schema = new StructType()
                    .add("t3_resin_uptake", DataTypes.DoubleType)
                    .add("total_thyroxin", DataTypes.DoubleType)
                    .add("total_triiodothyronine", DataTypes.DoubleType)
                    .add("basal_tsh", DataTypes.DoubleType)
                    .add("tsh_response", DataTypes.DoubleType)
                    .add("diagnosis", DataTypes.StringType);
            return spark.read().option("header", "true").schema(schema).csv(bundled("new-thyroid.csv").toString());
        }

        static Path bundled(String name) {
            return Path.of(System.getProperty("plugnet.bundled",
                    "../app/src/main/resources/dev/plugnet/app/examples"), name);
        }

        /**
         * Runs {@code work} with {@code jar} on the driver's class loader, as {@code spark-submit --jars} puts
         * shipped jars on the driver too.
         */
        static <T> T onDriverWith(Path jar, Callable<T> work) throws Exception {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, before)) {
                thread.setContextClassLoader(loader);
                return work.call();
            } finally {
                thread.setContextClassLoader(before);
            }
        }

        @Override
        public void close() {
            spark.stop();
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final String THYROID_FEATURES[] = {"t3_resin_uptake", "total_thyroxin", "total_triiodothyronine",
            "basal_tsh", "tsh_response"};

    private static final String SCALE = """
            package com.example.scale;

            import dev.plugnet.api.*;
            import java.util.List;

            public final class ScaleProvider implements LayerProvider {
                public String name() { return "scale"; }
                public String description() { return "Multiplies every input by a constant."; }
                public List<OptionSpec> options() { return List.of(OptionSpec.number("factor", 2.0, "the constant")); }
                public Layer create(LayerContext context) {
                    double factor = context.options().number("factor");
                    int width = context.inputWidth();
                    return new Layer() {
                        private Matrix out, inGrad;
                        public int inputWidth() { return width; }
                        public int outputWidth() { return width; }
                        public Matrix forward(Matrix x, boolean training) {
                            out = out != null && out.hasShape(x.rows(), width) ? out : Matrix.zeros(x.rows(), width);
                            return x.mapInto(v -> v * factor, out);
                        }
                        public Matrix backward(Matrix g, boolean needInputGradient) {
                            if (!needInputGradient) return null;
                            inGrad = inGrad != null && inGrad.hasShape(g.rows(), width) ? inGrad : Matrix.zeros(g.rows(), width);
                            return g.mapInto(v -> v * factor, inGrad);
                        }
                    };
                }
            }
            """;
}
