package dev.plugnet.app;

import dev.plugnet.api.support.BatchBuffer;
import dev.plugnet.api.ComputeBackend;
import dev.plugnet.api.Matrix;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.compute.ComputeBackends;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.Network;
import dev.plugnet.core.network.Stage;
import dev.plugnet.core.train.ThroughputMeter;
import dev.plugnet.core.train.TrainingStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * {@code plugnet bench}: trains a network on in-memory rows through {@link TrainingStep} — the path
 * {@code train} takes — and reports samples/s over timed windows after a warm-up, GFLOP/s, the bytes a step
 * allocates and the thread count. Minibatches are shuffled each epoch and copied into reused buffers.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures training throughput on the real training path (the one train uses): a warm-up,"
                + " then several timed windows; prints the median and spread of samples/s, GFLOP/s"
                + " (6·B·Σ n_in·n_out per step), bytes allocated per step and the thread count.",
            "Workloads: seed = 5-4-3 on the bundled thyroid data, batch 16;"
                + " digits = 64-32-10 on 1797 seeded rows, batch 32; wide = 784-256-10 on 10000 seeded rows,"
                + " batch 128. --config benchmarks any model file on seeded rows of its shape."})
final class BenchCommand implements Callable<Integer> {
    /** The bundled workloads: network, batch size and rows. */
    enum Workload {
        seed(16, 0), digits(32, 1797), wide(128, 10_000);

        final int batch;
        final int rows;

        Workload(int batch, int rows) {
            this.batch = batch;
            this.rows = rows;
        }
    }

    @ParentCommand
    PlugnetCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--workload", defaultValue = "seed", description = "seed, digits or wide (default: ${DEFAULT-VALUE}).")
    Workload workload;

    @Option(names = "--config", paramLabel = "FILE", description = "A model file to benchmark instead (seeded rows of its shape).")
    Path config;

    @Option(names = "--batch", paramLabel = "N", description = "Batch size (default: the workload's, or the model's).")
    Integer batch;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads a large matrix product may use (default: all available processors; "
                    + "products below the size threshold always run on one).")
    Integer threads;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "1",
            description = "Length of each timed window (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--windows", paramLabel = "N", defaultValue = "5", description = "Timed windows (default: ${DEFAULT-VALUE}).")
    int windows;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "2", description = "Warm-up seconds (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (windows < 1 || !(seconds > 0 && seconds <= 3600) || !(warmup >= 0 && warmup <= 3600)
                || (batch != null && batch < 1) || (threads != null && threads < 1)) {
            throw new ParameterException(spec.commandLine(), "--windows, --batch and --threads must be positive"
                    + " integers, --seconds a number above 0 and --warmup one from 0, each at most 3600; got"
                    + " --windows " + windows + ", --seconds " + seconds + ", --warmup " + warmup
                    + (batch != null ? ", --batch " + batch : "") + (threads != null ? ", --threads " + threads : ""));
        }
        if (threads != null) {
            ThreadLimit.check(spec.commandLine(), threads);
        }
        Plugnet plugnet = parent.plugnet();
        ModelSpec model = config != null ? plugnet.reader().read(config)
                : plugnet.reader().read(resource("bench/" + workload + ".json"));
        String name = config != null ? config.getFileName().toString() : workload.name();
        int b = batch != null ? batch : config != null ? model.training().batchSize() : workload.batch;
        ComputeBackends backends = plugnet.computeBackends();
        try (ComputeBackend compute = backends.open(backends.choice(model.training().compute()),
                threads != null ? threads : Runtime.getRuntime().availableProcessors())) {
            AssembledModel assembled = plugnet.assembler().assemble(model, compute);
            Network network = assembled.network();
            BenchData data = config == null && workload == Workload.seed ? BenchData.thyroid()
                    : BenchData.synthetic(config != null ? Math.max(1024, 8 * b) : workload.rows, network.inputs(),
                            network.outputs(), model.seed());
            if (data.width() != network.inputs() || data.classes() > network.outputs()) {
                throw new dev.plugnet.api.ConfigException("inputs", "the bench data has " + data.width()
                        + " features and " + data.classes() + " classes; the model takes " + network.inputs()
                        + " inputs and gives " + network.outputs() + " outputs");
            }
            Result r = run(new TrainingStep(assembled), data, b, model.seed());
            report(out, name, assembled, b, compute, r);
        }
        return ExitCodes.OK;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = BenchCommand.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The measured windows. */
    record Result(double[] samplesPerSecond, double[] bytesPerStep, long steps) {
    }

    /** The bench loop: epochs of shuffled minibatches copied into reused buffers, each a {@link TrainingStep}. */
    private Result run(TrainingStep step, BenchData data, int batchSize, long seed) {
        int d = data.width();
        int k = step.network().outputs();
        BatchBuffer xs = new BatchBuffer(d);
        BatchBuffer ts = new BatchBuffer(k);
        int[] order = new int[data.rows()];
        SplittableRandom random = new SplittableRandom(seed);
        Epochs epochs = new Epochs(step, data, batchSize, xs, ts, order, random);
        ThroughputMeter meter = new ThroughputMeter();
        long warmupEnd = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < warmupEnd) {
            epochs.step(meter);
        }
        double[] rates = new double[windows];
        double[] bytes = new double[windows];
        long steps = 0;
        long windowNanos = (long) (seconds * 1e9);
        for (int w = 0; w < windows; w++) {
            meter.restart();
            long end = System.nanoTime() + windowNanos;
            while (System.nanoTime() < end) {
                epochs.step(meter);
            }
            ThroughputMeter.Throughput t = meter.read();
            rates[w] = t.samplesPerSecond();
            bytes[w] = t.bytesPerStep();
            steps += t.steps();
        }
        return new Result(rates, bytes, steps);
    }

    /** Walks shuffled epochs one minibatch at a time. */
    private static final class Epochs {
        private final TrainingStep step;
        private final BenchData data;
        private final int batchSize;
        private final BatchBuffer xs;
        private final BatchBuffer ts;
        private final int[] order;
        private final SplittableRandom random;
        private int position;

        Epochs(TrainingStep step, BenchData data, int batchSize, BatchBuffer xs, BatchBuffer ts, int[] order,
               SplittableRandom random) {
            this.step = step;
            this.data = data;
            this.batchSize = batchSize;
            this.xs = xs;
            this.ts = ts;
            this.order = order;
            this.random = random;
            this.position = order.length;
        }

        void step(ThroughputMeter meter) {
            if (position >= order.length) {
                shuffle();
                position = 0;
            }
            int rows = Math.min(batchSize, order.length - position);
            Matrix x = xs.rows(rows);
            Matrix t = ts.rows(rows);
            double[] xd = x.data();
            double[] td = t.data();
            int d = data.width();
            int k = t.cols();
            Arrays.fill(td, 0.0);
            double[] features = data.features();
            int[] labels = data.labels();
            for (int r = 0; r < rows; r++) {
                int i = order[position + r];
                System.arraycopy(features, i * d, xd, r * d, d);
                td[r * k + labels[i]] = 1.0;
            }
            position += rows;
            step.run(x, t);
            meter.step(rows);
        }

        private void shuffle() {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
    }

    private void report(PrintWriter out, String name, AssembledModel model, int batchSize, ComputeBackend compute,
                        Result r) {
        int threadCount = compute.threads();
        double flopsPerSample = 0;
        Network network = model.network();
        int width = network.inputs();
        List<String> sizes = new ArrayList<>();
        sizes.add(Integer.toString(width));
        for (Stage s : network.stages()) {
            flopsPerSample += 6.0 * s.layer().inputWidth() * s.layer().outputWidth();
            sizes.add(Integer.toString(s.layer().outputWidth()));
        }
        double[] sorted = r.samplesPerSecond().clone();
        Arrays.sort(sorted);
        double median = median(sorted);
        double[] bytes = r.bytesPerStep().clone();
        Arrays.sort(bytes);
        double gflops = median * flopsPerSample / 1e9;
        String net = String.join("-", sizes);
        if (json) {
            out.printf(Locale.ROOT, "{\"workload\": \"%s\", \"network\": \"%s\", \"batch\": %d, \"threads\": %d,"
                    + " \"windows\": %d, \"window_s\": %s, \"samples_per_s\": %.6g, \"samples_per_s_min\": %.6g,"
                    + " \"samples_per_s_max\": %.6g, \"gflops\": %.4g, \"bytes_per_step\": %.4g,"
                    + " \"bytes_per_step_max\": %.4g, \"backward\": \"%s\", \"compute\": \"%s\", \"compute_runs\": \"%s\","
                    + " \"java\": \"%s\"}%n",
                    name, net, batchSize, threadCount, sorted.length, seconds, median, sorted[0],
                    sorted[sorted.length - 1], gflops, median(bytes), bytes[bytes.length - 1],
                    network.usesShortcut() ? network.shortcutName() : "generic", compute.name(),
                    compute.describe().replace("\"", "'"), Runtime.version());
        } else {
            out.printf(Locale.ROOT, "bench %s: network %s, batch %d, compute %s, %d thread%s, backward %s, Java %s%n",
                    name, net, batchSize, compute.name(), threadCount, threadCount == 1 ? "" : "s",
                    network.usesShortcut() ? network.shortcutName() : "generic", Runtime.version());
            out.printf(Locale.ROOT, "  compute     %s%n", compute.describe());
            out.printf(Locale.ROOT, "  samples/s   median %.4g  (min %.4g, max %.4g, %d windows of %.3g s after %.3g s warm-up)%n",
                    median, sorted[0], sorted[sorted.length - 1], sorted.length, seconds, warmup);
            out.printf(Locale.ROOT, "  GFLOP/s     %.3f  (6·B·Σ n_in·n_out per step)%n", gflops);
            out.printf(Locale.ROOT, "  bytes/step  median %.3g, max %.3g  (allocated by the training thread)%n",
                    median(bytes), bytes[bytes.length - 1]);
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
