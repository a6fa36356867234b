package dev.plugnet.spark;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.checkpoint.CheckpointReader;
import dev.plugnet.core.checkpoint.CheckpointWriter;
import dev.plugnet.core.data.Preprocessing;
import dev.plugnet.core.data.Samples;
import dev.plugnet.core.data.Standardizer;
import dev.plugnet.core.metrics.Evaluator;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.train.History;
import dev.plugnet.core.train.Trainer;
import dev.plugnet.core.train.TrainingListener;
import dev.plugnet.core.train.TrainingResult;
import dev.plugnet.core.train.TrainingSettings;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model moves both ways through the plugnet checkpoint: one trained on Spark is read by the library (as
 * {@code plugnet evaluate} reads it) and gives the same probabilities; one trained by the library is scored on
 * Spark with the same probabilities; a damaged checkpoint is refused with the reader's message.
 */
@ExtendWith(LocalSpark.class)
class CheckpointInteropTest {
    @Test
    void aModelTrainedOnSparkLoadsInTheLibrary(LocalSpark.Session s) throws Exception {
        Dataset<Row> data = s.thyroid().repartition(2).cache();
        PlugnetClassificationModel model = new PlugnetClassifier()
                .setModel(LocalSpark.Session.bundled("thyroid-5-4-3.json").toString())
                .setFeatureCols(LocalSpark.THYROID_FEATURES)
                .setLabelCol("diagnosis")
                .setTrainingMode("averaging")
                .setEpochs(20)
                .fit(data);
        Path file = s.work.resolve("from-spark.json");
        model.saveCheckpoint(file);

        Plugnet plugnet = Plugnet.boot();
        CheckpointReader reader = new CheckpointReader(plugnet.json(), plugnet.reader());
        Checkpoint c = reader.read(file);
        AssembledModel restored = reader.restore(c, plugnet.assembler(), plugnet.registry(), file.toString());
        List<Row> rows = model.transform(data).collectAsList();
        Matrix expected = outputs(restored, c.preprocessing(), rows);
        assertSameProbabilities(expected, rows);
        assertEquals(model.history(), c.history());
        assertEquals("diagnosis", c.preprocessing().labelColumn());
        data.unpersist();
    }

    @Test
    void aModelTrainedByTheLibraryScoresOnSpark(LocalSpark.Session s) throws Exception {
        Dataset<Row> data = s.thyroid().cache();
        List<Row> rows = data.collectAsList();
        Plugnet plugnet = Plugnet.boot();
        ModelSpec spec = plugnet.reader().read(Files.readString(LocalSpark.Session.bundled("thyroid-5-4-3.json")));
        AssembledModel trained = plugnet.assemble(spec);
        double[][] features = new double[rows.size()][5];
        int[] rowIndex = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int j = 0; j < 5; j++) {
                features[r][j] = rows.get(r).getDouble(j);
            }
            rowIndex[r] = r;
        }
        Standardizer standardizer = Standardizer.fit(features, rowIndex, 5);
        List<String> classes = List.of("normal", "hyper", "hypo"); // the CLI's order: first appearance
        Preprocessing preprocessing = new Preprocessing(List.of(LocalSpark.THYROID_FEATURES), "diagnosis",
                standardizer, classes);
        Samples train = samples(preprocessing, rows);
        TrainingResult result = new Trainer(new TrainingSettings(30, 16, 0, null, 42)).train(trained, train,
                new Samples(Matrix.zeros(0, 5), new int[0], 3), History.EMPTY, TrainingListener.NONE);
        Path file = s.work.resolve("from-library.json");
        new CheckpointWriter(plugnet.json(), plugnet.writer()).write(file, Checkpoint.capture(trained,
                plugnet.registry(), "thyroid", preprocessing, result.history()));

        PlugnetClassificationModel model = PlugnetClassificationModel.fromCheckpoint(file);
        assertEquals(classes, model.classes());
        List<Row> scored = model.transform(data).collectAsList();
        assertSameProbabilities(new Evaluator(64).outputs(trained.network(), train), scored);
        for (Row row : scored) {
            int best = (int) row.getDouble(row.fieldIndex("prediction"));
            assertEquals(classes.get(best), row.getString(row.fieldIndex("predictedLabel")));
        }

        Path damaged = s.work.resolve("damaged.json");
        Files.writeString(damaged, Files.readString(file).replaceFirst("\"seed\" ?: ?42", "\"seed\": 43"));
        PlugnetSparkException e = assertThrows(PlugnetSparkException.class,
                () -> PlugnetClassificationModel.fromCheckpoint(damaged));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        data.unpersist();
    }

    @Test
    void theLibrarysTrainedModelAndTheSparkModelConvertBothWays(LocalSpark.Session s) throws Exception {
        Dataset<Row> data = s.thyroid().cache();
        List<Row> rows = data.collectAsList();
        double[][] x = new double[rows.size()][5];
        String[] y = new String[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int j = 0; j < 5; j++) {
                x[r][j] = rows.get(r).getDouble(j);
            }
            y[r] = rows.get(r).getString(5);
        }
        Plugnet plugnet = Plugnet.boot();
        dev.plugnet.core.TrainedModel library = plugnet.fit(plugnet.reader().read(Files.readString(
                LocalSpark.Session.bundled("thyroid-5-4-3.json")))).epochs(20).validationFraction(0).patience(0)
                .on(List.of(LocalSpark.THYROID_FEATURES), x, y);
        PlugnetClassificationModel onSpark = PlugnetClassificationModel.fromTrainedModel(library);
        List<Row> scored = onSpark.transform(data).collectAsList();
        double[][] expected = library.predictProbabilities(x);
        for (int r = 0; r < rows.size(); r++) {
            double[] p = ((Vector) scored.get(r).getAs("probability")).toArray();
            for (int k = 0; k < p.length; k++) {
                assertEquals(expected[r][k], p[k], 1e-12, "row " + r + ", class " + k);
            }
        }
        dev.plugnet.core.TrainedModel back = onSpark.toTrainedModel();
        assertEquals(library.classNames(), back.classNames());
        double[][] again = back.predictProbabilities(x);
        for (int r = 0; r < rows.size(); r++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected[r], again[r]);
        }
        data.unpersist();
    }

    private static Samples samples(Preprocessing p, List<Row> rows) {
        double[] x = new double[rows.size() * 5];
        int[] labels = new int[rows.size()];
        double[] raw = new double[5];
        for (int r = 0; r < rows.size(); r++) {
            for (int j = 0; j < 5; j++) {
                raw[j] = rows.get(r).getDouble(j);
            }
            p.standardizer().apply(raw, x, r * 5);
            labels[r] = p.labelNames().indexOf(rows.get(r).getString(5));
        }
        return new Samples(Matrix.wrap(rows.size(), 5, x), labels, p.labelNames().size());
    }

    private static Matrix outputs(AssembledModel model, Preprocessing p, List<Row> rows) {
        return new Evaluator(64).outputs(model.network(), samples(p, rows));
    }

    private static void assertSameProbabilities(Matrix expected, List<Row> rows) {
        assertEquals(expected.rows(), rows.size());
        for (int r = 0; r < rows.size(); r++) {
            double[] p = ((Vector) rows.get(r).getAs("probability")).toArray();
            for (int k = 0; k < p.length; k++) {
                assertEquals(expected.get(r, k), p[k], 1e-12, "row " + r + ", class " + k);
            }
        }
    }
}
