package dev.plugnet.benchmarks;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.Predictor;
import dev.plugnet.core.TrainedModel;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.network.ModelState;
import dev.plugnet.core.network.Network;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Prediction through the library facade with the 5-4-3 thyroid network (sigmoid hidden layer, softmax output),
 * trained once with {@code plugnet.fit} on thyroid-like rows (the figures do not depend on the values):
 *
 * <ul>
 *   <li>{@code predictorOneRow}: one row through a per-thread {@link Predictor} — standardise, check, forward,
 *       copy the probabilities into the caller's array. With {@code -prof gc}, {@code gc.alloc.rate.norm} is
 *       the bytes one call allocates;</li>
 *   <li>{@code modelOneRow}: the same through the shared, thread-safe {@link TrainedModel#predict(double[])},
 *       which borrows a predictor and returns a new {@code Prediction};</li>
 *   <li>{@code batch10k}: {@link TrainedModel#predictProbabilities(double[][])} on 10,000 rows (standardised,
 *       checked and copied into new arrays), beside {@code rawForward10k}: the network's forward pass alone on the
 *       same rows already standardised in one matrix.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PredictionBenchmark {
    private static final String SPEC = """
            {"name": "thyroid-5-4-3", "inputs": 5,
             "layers": [{"type": "dense", "units": 4, "activation": "sigmoid"},
                        {"type": "dense", "units": 3, "activation": "softmax"}],
             "loss": "cross_entropy", "optimizer": {"type": "adam", "learning_rate": 0.02}, "seed": 42,
             "training": {"epochs": 50, "batch_size": 16, "validation_fraction": 0.15, "patience": 20}}""";

    private TrainedModel model;
    private Predictor predictor;
    private double[][] rows;
    private double[] probabilities;
    private Network network;
    private Matrix standardised;
    private double[][] batchOut;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Plugnet plugnet = Plugnet.boot();
        ModelSpec spec = plugnet.parseSpec(SPEC);
        double[][] train = rows(215, 1);
        String[] labels = new String[train.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = List.of("normal", "hyper", "hypo").get(i % 3);
        }
        model = plugnet.fit(spec).on(List.of("t3_resin_uptake", "total_thyroxin", "total_triiodothyronine",
                "basal_tsh", "tsh_response"), train, labels);
        predictor = model.newPredictor();
        probabilities = new double[3];
        rows = rows(10_000, 2);
        batchOut = new double[rows.length][3];
        network = plugnet.assembler().network(model.spec());
        ModelState.of(model.weights(), Map.of(), 0).restoreWeightsInto(network);
        standardised = Matrix.zeros(rows.length, 5);
        for (int i = 0; i < rows.length; i++) {
            model.standardizer().apply(rows[i], standardised.data(), i * 5);
        }
    }

    /** Rows on the scale of new-thyroid's columns, the class centres apart. */
    private static double[][] rows(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centres = {{110, 9, 1.8, 1.2, 2}, {100, 18, 4.5, 0.9, 0.5}, {120, 5, 1.2, 8, 15}};
        double[] spread = {8, 2, 0.6, 0.8, 3};
        double[][] x = new double[n][5];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 5; j++) {
                x[i][j] = centres[i % 3][j] + spread[j] * (r.nextDouble() * 2 - 1) * 1.5;
            }
        }
        return x;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int predictorOneRow() {
        next = (next + 1) & 1023;
        return predictor.predict(rows[next], probabilities);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Object modelOneRow() {
        next = (next + 1) & 1023;
        return model.predict(rows[next]);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double[][] batch10k() {
        return model.predictProbabilities(rows);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double[][] predictorBatch10k() {
        predictor.predictAll(rows, batchOut);
        return batchOut;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Matrix rawForward10k() {
        return network.forward(standardised, false);
    }
}
