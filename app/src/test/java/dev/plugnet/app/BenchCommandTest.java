package dev.plugnet.app;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.data.CsvTableReader;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.data.DatasetReader;
import dev.plugnet.core.data.Minibatches;
import dev.plugnet.core.data.Samples;
import dev.plugnet.core.data.Standardizer;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.train.TrainingStep;
import dev.plugnet.testkit.Allocations;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code plugnet bench} runs the real training step and reports every figure; no timing is asserted. */
class BenchCommandTest {
    private static final int STEPS = 10_000;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void seedWorkloadReportsJsonWithZeroAllocationFields() {
        String[] r = run("bench", "--json", "--seconds", "0.05", "--windows", "3", "--warmup", "0.2", "--threads", "1");
        assertEquals("0", r[0], r[2]);
        String json = r[1];
        for (String field : new String[] {"\"workload\": \"seed\"", "\"network\": \"5-4-3\"", "\"batch\": 16",
            "\"threads\": 1", "\"samples_per_s\"", "\"gflops\"", "\"bytes_per_step\"", "softmax_cross_entropy"}) {
            assertTrue(json.contains(field), field + " missing in " + json);
        }
    }

    /**
     * What bench measures, counted over a fixed number of steps rather than timed windows: the seed workload's
     * training step on the thyroid rows in minibatches of 16 (215 rows: every epoch ends with a batch of 7, so
     * both buffer sizes are in use), the batches copied by the training loop's own minibatch code. (Each epoch's
     * shuffle draws from a fresh seeded random, one small object per epoch; it is not part of a step.)
     */
    @Test
    void aWarmedUpStepAllocatesNothingWithFullAndShortBatchesAlike() throws Exception {
        Plugnet plugnet = Plugnet.boot();
        String config;
        try (InputStream in = BenchCommand.class.getResourceAsStream("bench/seed.json")) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        AssembledModel model = plugnet.assemble(plugnet.reader().read(config));
        Dataset data = new DatasetReader().forTraining(BundledExample.THYROID.data(new CsvTableReader()), null);
        Samples rows = Samples.all(data, Standardizer.fit(data.features(), IntStream.range(0, data.size()).toArray(),
                data.featureNames().size()));
        Minibatches batches = new Minibatches(rows, 16, 42);
        batches.shuffle(1);
        assertEquals(14, batches.count());
        TrainingStep step = new TrainingStep(model);
        int[] next = {0};
        Runnable oneStep = () -> {
            Minibatches.Batch b = batches.batch(next[0]);
            step.run(b.inputs(), b.targets());
            next[0] = (next[0] + 1) % batches.count();
        };
        Allocations.bytesAllocatedBy(oneStep, 20_000); // warm-up: the JIT compiles the step
        OptionalLong bytes = Allocations.bytesAllocatedBy(oneStep, STEPS);
        assumeTrue(bytes.isPresent(), "this JDK does not count allocated bytes");
        // nothing per step; a rare JIT event (a deoptimisation re-materialising an object) may add a few bytes,
        // far below one object per step
        assertTrue(bytes.getAsLong() < STEPS, bytes.getAsLong() + " bytes over " + STEPS + " steps");
    }

    @Test
    void wideWorkloadRunsWithTwoThreadsAndSaysSo() {
        String[] r = run("bench", "--workload", "wide", "--batch", "8", "--seconds", "0.05", "--windows", "1",
                "--warmup", "0", "--threads", "2");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("network 784-256-10, batch 8, compute auto, 2 threads"), r[1]);
        assertTrue(r[1].contains("bytes/step"), r[1]);
    }

    @Test
    void badNumbersAreBadInput() {
        String[] r = run("bench", "--windows", "0");
        assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0]);
        assertTrue(r[2].contains("must be positive"), r[2]);
    }
}
