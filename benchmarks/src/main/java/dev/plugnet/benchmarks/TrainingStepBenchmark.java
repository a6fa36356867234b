package dev.plugnet.benchmarks;

import dev.plugnet.api.ComputeBackend;
import dev.plugnet.api.Matrix;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.train.TrainingStep;
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
 * One whole training step — forward, loss, backward, finiteness check, SGD — through {@link TrainingStep},
 * the path {@code train} and {@code bench} take, on a fixed random minibatch of the W1–W3 shapes. With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes one step allocates (≈0).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainingStepBenchmark {
    /** {@code n_in-n_hidden-n_out/B}: W1, W2, W3. */
    @Param({"5-4-3/16", "64-32-10/32", "784-256-10/128"})
    public String workload;

    @Param({"1", "2"})
    public int threads;

    /** A compute backend's name, or {@code auto}. */
    @Param({"java", "openblas"})
    public String backend;

    private ComputeBackend compute;
    private TrainingStep step;
    private Matrix x;
    private Matrix t;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = workload.split("/");
        String[] sizes = parts[0].split("-");
        int batch = Integer.parseInt(parts[1]);
        int in = Integer.parseInt(sizes[0]);
        int out = Integer.parseInt(sizes[2]);
        String json = "{\"format\": 1, \"name\": \"bench\", \"inputs\": " + in + ", \"layers\": ["
                + "{\"type\": \"dense\", \"units\": " + sizes[1] + ", \"activation\": \"sigmoid\"},"
                + "{\"type\": \"dense\", \"units\": " + out + ", \"activation\": \"softmax\"}],"
                + "\"loss\": \"cross_entropy\", \"optimizer\": {\"type\": \"sgd\", \"learning_rate\": 0.1}}";
        Plugnet plugnet = Plugnet.boot();
        ModelSpec spec = plugnet.reader().read(json);
        compute = plugnet.computeBackends().open(backend, threads);
        step = new TrainingStep(plugnet.assembler().assemble(spec, compute));
        SplittableRandom random = new SplittableRandom(42);
        x = Matrix.zeros(batch, in);
        t = Matrix.zeros(batch, out);
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < in; j++) {
                x.set(i, j, random.nextGaussian());
            }
            t.set(i, random.nextInt(out), 1.0);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        compute.close();
    }

    @Benchmark
    public double step() {
        return step.run(x, t);
    }
}
