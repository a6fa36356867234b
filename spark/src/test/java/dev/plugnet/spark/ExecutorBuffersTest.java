package dev.plugnet.spark;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.data.Standardizer;
import dev.plugnet.testkit.Allocations;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What an executor's task does at every training step allocates nothing once its buffers exist: a partition's
 * share of a synchronous batch (its row count changing from step to step), a parameter-averaging round's local
 * steps, and a validation pass. Measured with the testkit's per-thread allocation counter on a partition's block
 * directly (Spark's own per-task objects are not part of it); the pieces a share is cut into give the share's
 * gradient to rounding.
 */
class ExecutorBuffersTest {
    private static final int ROWS = 600;
    private static final int GLOBAL_ROWS = 2 * ROWS; // the block holds about half of every global batch
    private static final int BATCH = 64;
    private static final long SEED = 42;

    @Test
    void aSynchronousStepAllocatesNothingOnceWarm() throws Exception {
        String json = model();
        TrainingBlock block = block(0.0);
        double[] weights = weights(json);
        int batches = (GLOBAL_ROWS + BATCH - 1) / BATCH;
        for (int epoch = 1; epoch <= 300; epoch++) { // warm-up: every piece size has its network, the JIT compiles
            for (int b = 0; b < batches; b++) {
                block.gradient(json, weights, SEED, epoch, b, BATCH, GLOBAL_ROWS);
            }
        }
        long[] perEpoch = new long[10];
        for (int i = 0; i < perEpoch.length; i++) {
            int e = 301 + i;
            block.gradient(json, weights, SEED, e, 0, BATCH, GLOBAL_ROWS); // the epoch's shuffle, once per epoch
            OptionalLong bytes = Allocations.bytesAllocatedBy(() -> {
                for (int b = 1; b < batches; b++) {
                    block.gradient(json, weights, SEED, e, b, BATCH, GLOBAL_ROWS);
                }
            }, 1);
            assumeTrue(bytes.isPresent(), "this JDK cannot count allocations");
            perEpoch[i] = bytes.getAsLong();
        }
        // nothing per step: an allocation per step (a step's smallest object is 16 bytes) shows in every epoch,
        // while a rare JIT event (a compilation or deoptimisation re-materialising objects) shows in one; so the
        // median epoch must allocate less than a byte per step
        long[] sorted = perEpoch.clone();
        java.util.Arrays.sort(sorted);
        int steps = batches - 1;
        assertTrue(sorted[sorted.length / 2] < steps, "bytes allocated by each epoch of " + steps + " steps: "
                + java.util.Arrays.toString(perEpoch));
    }

    @Test
    void aShareCutIntoPiecesHasTheGradientOfOnePass() throws Exception {
        String json = model();
        TrainingBlock block = block(0.0);
        double[] weights = weights(json);
        NetworkAdapter single = new NetworkAdapter(SparkPlugins.assemble(Plugnet.boot(), json, "the model"));
        single.weights(weights);
        int[] order = new int[GLOBAL_ROWS];
        dev.plugnet.core.data.Minibatches.shuffle(order, SEED, 1);
        int batches = (GLOBAL_ROWS + BATCH - 1) / BATCH;
        for (int b = 0; b < batches; b++) {
            GradientShare share = block.gradient(json, weights, SEED, 1, b, BATCH, GLOBAL_ROWS);
            int from = b * BATCH;
            int to = Math.min(from + BATCH, GLOBAL_ROWS);
            List<Integer> mine = new ArrayList<>();
            for (int i = from; i < to; i++) {
                if (order[i] < ROWS) {
                    mine.add(order[i]);
                }
            }
            assertEquals(mine.size(), share.rows);
            Matrix x = Matrix.zeros(mine.size(), 5);
            Matrix t = Matrix.zeros(mine.size(), 3);
            int[] labels = new int[mine.size()];
            for (int k = 0; k < mine.size(); k++) {
                int r = mine.get(k);
                for (int j = 0; j < 5; j++) {
                    x.set(k, j, feature(r, j));
                }
                labels[k] = r % 3;
                t.set(k, labels[k], 1.0);
            }
            double[] expected = new double[single.size()];
            double loss = single.gradient(x, t, (double) mine.size() / (to - from), expected, false);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], share.gradient[i], 1e-14, "batch " + b + ", value " + i);
            }
            assertEquals(loss * mine.size(), share.lossSum, 1e-12);
            assertEquals(single.correct(labels), share.correct);
        }
    }

    @Test
    void anAveragingRoundAllocatesNothingPerStep() throws Exception {
        // the same rounds with 10 and with 75 steps per local epoch: what a round allocates per round (the
        // optimizer's state map) and per local epoch (its shuffle's generator, its sums) is the same in both, so
        // the difference is what the extra steps allocate
        int rounds = 20;
        int epochs = 2;
        // each the least of three measurements: a JIT event (a compilation, a deoptimisation) allocates in one
        long tenSteps = Long.MAX_VALUE;
        long seventyFiveSteps = Long.MAX_VALUE;
        for (int repeat = 0; repeat < 3; repeat++) {
            tenSteps = Math.min(tenSteps, roundBytes(64, rounds, epochs));
            seventyFiveSteps = Math.min(seventyFiveSteps, roundBytes(8, rounds, epochs));
        }
        int extraSteps = rounds * epochs * (75 - 10);
        assertTrue(Math.abs(seventyFiveSteps - tenSteps) < extraSteps, (seventyFiveSteps - tenSteps)
                + " bytes more for " + extraSteps + " more steps (" + tenSteps + " bytes for " + rounds
                + " rounds of 10 steps per epoch)");
        assertTrue(tenSteps < rounds * 1024L, tenSteps + " bytes for " + rounds + " rounds");
    }

    /** @return the bytes {@code rounds} rounds of {@code epochs} local epochs allocate, once warm */
    private static long roundBytes(int batch, int rounds, int epochs) throws Exception {
        String json = model();
        TrainingBlock block = block(0.0);
        NetworkAdapter driver = new NetworkAdapter(SparkPlugins.assemble(Plugnet.boot(), json, "the model"));
        double[] weights = driver.weights();
        double[] state = driver.state();
        int warmUp = 20_000 / ((ROWS + batch - 1) / batch); // about 20,000 steps: the JIT compiles the step
        for (int round = 1; round <= warmUp; round++) { // each round from the last one's average
            ParameterShare p = block.trainLocally(json, weights, state, 0.001, SEED, round, 1, batch);
            weights = p.weights.clone();
            state = p.state.clone();
            for (int i = 0; i < weights.length; i++) {
                weights[i] /= ROWS;
            }
            for (int i = 0; i < state.length; i++) {
                state[i] /= ROWS;
            }
        }
        double[] w = weights;
        double[] s = state;
        int[] round = {100_000};
        OptionalLong bytes = Allocations.bytesAllocatedBy(
                () -> block.trainLocally(json, w, s, 0.001, SEED, round[0]++, epochs, batch), rounds);
        assumeTrue(bytes.isPresent(), "this JDK cannot count allocations");
        return bytes.getAsLong();
    }

    @Test
    void aValidationPassAllocatesOnlyItsResult() throws Exception {
        String json = model();
        TrainingBlock block = block(0.3);
        double[] weights = weights(json);
        for (int i = 0; i < 2000; i++) {
            block.validate(json, weights, BATCH);
        }
        OptionalLong bytes = Allocations.bytesAllocatedBy(() -> block.validate(json, weights, BATCH), 100);
        assumeTrue(bytes.isPresent(), "this JDK cannot count allocations");
        assertTrue(bytes.getAsLong() <= 100 * 48L, bytes.getAsLong() + " bytes over 100 passes");
    }

    private static String model() throws Exception {
        return Files.readString(LocalSpark.Session.bundled("thyroid-5-4-3.json"));
    }

    private static double[] weights(String json) {
        return new NetworkAdapter(SparkPlugins.assemble(Plugnet.boot(), json, "the model")).weights();
    }

    /** @return a partition of {@link #ROWS} rows at global index 0, {@code validation} of them held out */
    private static TrainingBlock block(double validation) {
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            double[] x = new double[5];
            for (int j = 0; j < 5; j++) {
                x[j] = feature(r, j);
            }
            rows.add(RowFactory.create(Vectors.dense(x), Integer.toString(r % 3)));
        }
        Standardizer identity = new Standardizer(new double[5], new double[] {1, 1, 1, 1, 1});
        return TrainingBlock.read(0, rows.iterator(), RowReader.vector("features", 0, 5), 1, "label",
                Map.of("0", 0, "1", 1, "2", 2), identity, 0, RowSplit.drawn(SEED, validation).partition(0));
    }

    private static double feature(int row, int column) {
        return new SplittableRandom(row * 31L + column).nextDouble(-2, 2) + (row % 3) * 0.5 * column;
    }
}
