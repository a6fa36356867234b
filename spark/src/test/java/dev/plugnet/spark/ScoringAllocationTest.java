package dev.plugnet.spark;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.data.Standardizer;
import dev.plugnet.testkit.Allocations;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scoring allocates nothing per row beyond the output row itself: a partition scored through
 * {@code transform}'s function allocates what making the same output rows by hand does (their values array, the
 * boxed prediction, the two vectors and the row), to less than a byte per row; the per-thread predictor, its
 * chunk and its network are made once.
 */
@ExtendWith(LocalSpark.class)
class ScoringAllocationTest {
    private static final int ROWS = 256 * 20 + 17; // full chunks and a shorter last one

    @Test
    void scoringAllocatesOnlyTheOutputRows(LocalSpark.Session s) throws Exception {
        String json = Files.readString(LocalSpark.Session.bundled("thyroid-5-4-3.json"));
        Plugnet plugnet = SparkPlugins.boot();
        NetworkAdapter network = new NetworkAdapter(SparkPlugins.assemble(plugnet, json, "the model"));
        ScoringModel model = new ScoringModel(json, network.weights(), new Standardizer(new double[5],
                new double[] {1, 2, 3, 4, 5}), List.of("hyper", "hypo", "normal"));
        Broadcast<ScoringModel> broadcast = JavaSparkContext.fromSparkContext(s.spark.sparkContext())
                .broadcast(model);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            rows.add(RowFactory.create(Vectors.dense(r % 7, r % 5, r % 3, r % 11, r % 13), "normal"));
        }
        ScoringFunction score = new ScoringFunction(broadcast, RowReader.vector("features", 0, 5), true, true,
                true, true);
        Row[] sink = new Row[ROWS];
        Runnable scoring = () -> {
            Iterator<Row> out = score.call(rows.iterator());
            for (int i = 0; out.hasNext(); i++) {
                sink[i] = out.next();
            }
        };
        Runnable byHand = () -> {
            for (int i = 0; i < ROWS; i++) {
                Row in = rows.get(i);
                Object[] values = new Object[in.length() + 4];
                for (int c = 0; c < in.length(); c++) {
                    values[c] = in.get(c);
                }
                values[2] = (double) (i % 3);
                values[3] = new DenseVector(new double[3]);
                values[4] = new DenseVector(new double[3]);
                values[5] = "normal";
                sink[i] = RowFactory.create(values);
            }
        };
        for (int i = 0; i < 300; i++) { // warm-up: the thread's predictor, the JIT
            scoring.run();
            byHand.run();
        }
        OptionalLong scored = Allocations.bytesAllocatedBy(scoring, 10);
        OptionalLong made = Allocations.bytesAllocatedBy(byHand, 10);
        assumeTrue(scored.isPresent() && made.isPresent(), "this JDK cannot count allocations");
        long extra = scored.getAsLong() - made.getAsLong();
        assertTrue(extra < 10L * ROWS, extra + " bytes beyond the output rows for " + 10 * ROWS + " rows ("
                + scored.getAsLong() + " in all)");
        broadcast.destroy();
    }
}
