package dev.plugnet.spark;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.train.History;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * A trained plugnet network as a Spark ML {@link Model}: {@link #transform} appends {@code prediction} (the
 * class's number when every class name is a number, else its index), {@code probability} (the network's output
 * distribution), {@code rawPrediction} (the output layer's logits) and {@code predictedLabel} (the class name),
 * as Spark's classifiers name them; an empty column name leaves that column out. Scoring is a map over
 * partitions: the model is broadcast once, each executor thread scores with its own network, a chunk of rows
 * per forward pass.
 *
 * <p>The model is a plugnet checkpoint: {@link #save} writes Spark's metadata beside {@code checkpoint.json},
 * the file that {@code plugnet evaluate} and the library read, and {@link #fromCheckpoint} turns a checkpoint
 * written by {@code plugnet train} into a Spark model.
 */
public final class PlugnetClassificationModel extends Model<PlugnetClassificationModel>
        implements ScoringParams<PlugnetClassificationModel>, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final transient Checkpoint checkpoint;
    private final long jobsPerEpoch;
    private transient ScoringModel scoring;
    private transient Broadcast<ScoringModel> broadcast;
    private transient org.apache.spark.SparkContext broadcastContext;

    private final Param<String> featuresCol;
    private final StringArrayParam featureCols;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final Param<String> rawPredictionCol;
    private final Param<String> predictedLabelCol;

    PlugnetClassificationModel(String uid, Checkpoint checkpoint, long jobsPerEpoch) {
        this.uid = uid;
        ScoringColumns shared = ScoringColumns.define(this);
        featuresCol = shared.featuresCol();
        featureCols = shared.featureCols();
        predictionCol = shared.predictionCol();
        probabilityCol = shared.probabilityCol();
        rawPredictionCol = shared.rawPredictionCol();
        predictedLabelCol = shared.predictedLabelCol();
        this.checkpoint = checkpoint;
        this.jobsPerEpoch = jobsPerEpoch;
    }

    /**
     * @param checkpointJson a plugnet checkpoint's text (as {@code plugnet train} writes it)
     * @return a model of that checkpoint, reading the checkpoint's feature names as numeric columns
     * @throws PlugnetSparkException if the text is not a valid checkpoint or uses plugins not installed here
     */
    public static PlugnetClassificationModel fromCheckpoint(String checkpointJson) {
        Plugnet plugnet = SparkPlugins.boot();
        Checkpoint c = Checkpoints.fromJson(plugnet, checkpointJson, "the checkpoint");
        Checkpoints.restore(plugnet, c, "the checkpoint");
        PlugnetClassificationModel model = new PlugnetClassificationModel(Identifiable.randomUID("plugnet"), c, 0);
        model.setFeatureCols(c.preprocessing().featureNames().toArray(new String[0]));
        return model;
    }

    /** @return a model of the checkpoint file {@code file} (local), as {@link #fromCheckpoint(String)} */
    public static PlugnetClassificationModel fromCheckpoint(java.nio.file.Path file) {
        try {
            return fromCheckpoint(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PlugnetSparkException(file.toString(), "cannot be read: " + e.getMessage());
        }
    }

    /**
     * @return this model in plugnet's library, for predictions and evaluation off Spark (with its optimizer
     *         state, so that it can be saved for a resumed run)
     */
    public dev.plugnet.core.TrainedModel toTrainedModel() {
        try {
            return SparkPlugins.boot().restore(checkpoint, "the model");
        } catch (dev.plugnet.core.checkpoint.CheckpointException e) {
            throw new PlugnetSparkException(e.getMessage(), e);
        }
    }

    /** @return a Spark model of a model trained with plugnet's library, as {@link #fromCheckpoint(String)} */
    public static PlugnetClassificationModel fromTrainedModel(dev.plugnet.core.TrainedModel model) {
        return fromCheckpoint(model.toJson());
    }

    /** @return the model as a plugnet checkpoint's text, for {@code plugnet evaluate} and the library */
    public String checkpointJson() {
        return Checkpoints.toJson(SparkPlugins.boot(), checkpoint);
    }

    /** Writes the model as a plugnet checkpoint file (local); an existing file is replaced atomically. */
    public void saveCheckpoint(java.nio.file.Path file) {
        Plugnet plugnet = SparkPlugins.boot();
        new dev.plugnet.core.checkpoint.CheckpointWriter(plugnet.json(), plugnet.writer()).write(file, checkpoint);
    }

    Checkpoint checkpoint() {
        return checkpoint;
    }

    /** @return the epochs trained, with train and validation loss and accuracy, and the epoch kept */
    public History history() {
        return checkpoint.history();
    }

    /** @return the class names; output {@code k} of the network is class {@code classes().get(k)} */
    public List<String> classes() {
        return checkpoint.preprocessing().labelNames();
    }

    public int numClasses() {
        return classes().size();
    }

    /** @return the Spark jobs one training epoch launched (0 for a model read from a checkpoint) */
    public long jobsPerEpoch() {
        return jobsPerEpoch;
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType schema = dataset.schema();
        StructType out = transformSchema(schema);
        RowReader reader = Columns.features(schema, getFeaturesCol(), getFeatureCols(), inputs());
        ScoringFunction score = new ScoringFunction(broadcast(dataset.sparkSession()), reader,
                !getPredictionCol().isEmpty(), !getProbabilityCol().isEmpty(), !getRawPredictionCol().isEmpty(),
                !getPredictedLabelCol().isEmpty());
        return dataset.toDF().mapPartitions(score, Encoders.row(out));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Columns.features(schema, getFeaturesCol(), getFeatureCols(), inputs());
        return Columns.scored(schema, getPredictionCol(), getProbabilityCol(), getRawPredictionCol(),
                getPredictedLabelCol());
    }

    private int inputs() {
        return checkpoint.config().inputs();
    }

    /** @return the scoring model, broadcast once per model and Spark context */
    private synchronized Broadcast<ScoringModel> broadcast(SparkSession spark) {
        if (broadcast == null || broadcastContext != spark.sparkContext()) {
            broadcastContext = spark.sparkContext();
            broadcast = JavaSparkContext.fromSparkContext(broadcastContext).broadcast(scoring());
        }
        return broadcast;
    }

    private ScoringModel scoring() {
        if (scoring == null) {
            Plugnet plugnet = SparkPlugins.boot();
            AssembledModel model = Checkpoints.restore(plugnet, checkpoint, "the model");
            scoring = new ScoringModel(plugnet.writer().write(checkpoint.config()),
                    new NetworkAdapter(model).weights(), checkpoint.preprocessing().standardizer(),
                    checkpoint.preprocessing().labelNames());
        }
        return scoring;
    }

    @Override
    public PlugnetClassificationModel copy(ParamMap extra) {
        PlugnetClassificationModel copy = new PlugnetClassificationModel(uid, checkpoint, jobsPerEpoch);
        copyValues(copy, extra);
        return copy.setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new PlugnetModelWriter(this);
    }

    public static MLReader<PlugnetClassificationModel> read() {
        return new PlugnetModelReader();
    }

    public static PlugnetClassificationModel load(String path) {
        return read().load(path);
    }

    @Override
    public Param<String> featuresCol() {
        return featuresCol;
    }

    @Override
    public StringArrayParam featureCols() {
        return featureCols;
    }

    @Override
    public Param<String> predictionCol() {
        return predictionCol;
    }

    @Override
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    @Override
    public Param<String> rawPredictionCol() {
        return rawPredictionCol;
    }

    @Override
    public Param<String> predictedLabelCol() {
        return predictedLabelCol;
    }
}
