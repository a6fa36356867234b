package dev.plugnet.benchmarks;

import dev.plugnet.api.ComputeBackend;
import dev.plugnet.api.Matrix;
import dev.plugnet.core.Plugnet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The three products a dense layer runs, at the shapes of W1–W3 ({@code B×n_in·n_in×n_out}):
 * {@code x·W} (forward), {@code xᵀ·g} (dL/dW) and {@code g·Wᵀ} (dL/dx). Time per product; GFLOP/s is
 * {@code 2·B·n_in·n_out / time}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatrixProductBenchmark {
    /** {@code B x n_in x n_out}. */
    @Param({"16x5x4", "32x64x32", "128x784x256", "128x256x10"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    /** A compute backend's name, or {@code auto}. */
    @Param({"java", "openblas"})
    public String backend;

    private ComputeBackend compute;
    private Matrix x;
    private Matrix w;
    private Matrix a;
    private Matrix g;
    private Matrix dw;
    private Matrix dx;

    @Setup(Level.Trial)
    public void setUp() {
        String[] s = shape.split("x");
        int b = Integer.parseInt(s[0]);
        int in = Integer.parseInt(s[1]);
        int out = Integer.parseInt(s[2]);
        SplittableRandom random = new SplittableRandom(42);
        x = random(b, in, random);
        w = random(in, out, random);
        g = random(b, out, random);
        a = Matrix.zeros(b, out);
        dw = Matrix.zeros(in, out);
        dx = Matrix.zeros(b, in);
        compute = Plugnet.boot().computeBackends().open(backend, threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        compute.close();
    }

    private static Matrix random(int rows, int cols, SplittableRandom random) {
        Matrix m = Matrix.zeros(rows, cols);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = random.nextGaussian();
        }
        return m;
    }

    @Benchmark
    public Matrix forward() {
        return compute.multiplyInto(x, w, a);
    }

    @Benchmark
    public Matrix weightGradient() {
        return compute.transposeMultiplyInto(x, g, dw);
    }

    @Benchmark
    public Matrix inputGradient() {
        return compute.multiplyTransposeInto(g, w, dx);
    }
}
