package dev.plugnet.spark;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.data.Preprocessing;
import dev.plugnet.core.data.Standardizer;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.model.Monitor;
import dev.plugnet.core.model.TrainingSpec;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plugnet network as a Spark ML {@link Estimator}: {@link #fit} trains the network that the {@code model}
 * param describes (plugnet's model JSON, as text or a path) data-parallel on the executors and returns a
 * {@link PlugnetClassificationModel}. Any installed plugins work, third-party ones included when their jars are
 * shipped with {@code --jars} or {@code spark.jars}.
 *
 * <p>Training: the features are standardised with means and scales fitted on the training rows in one
 * distributed pass; {@code validationFraction} of the rows (a seeded draw per row) are held out for the
 * validation loss after each epoch and early stopping ({@code patience}), or the rows that the boolean column
 * {@code validationIndicatorCol} marks true; {@code trainingMode}
 * {@code synchronous} applies one optimizer step on the driver per global minibatch from gradients summed with
 * {@code treeAggregate} (the single-machine update, to rounding), {@code averaging} trains {@code localEpochs}
 * on each partition and averages the parameters and optimizer state. Settings not set here come from the
 * model's {@code training} section. Runs are reproducible for a given seed and partitioning.
 */
public final class PlugnetClassifier extends Estimator<PlugnetClassificationModel>
        implements ScoringParams<PlugnetClassifier>, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;

    private final Param<String> model;
    private final Param<String> featuresCol;
    private final StringArrayParam featureCols;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final Param<String> rawPredictionCol;
    private final Param<String> predictedLabelCol;
    private final IntParam epochs;
    private final IntParam batchSize;
    private final DoubleParam validationFraction;
    private final Param<String> validationIndicatorCol;
    private final IntParam patience;
    private final LongParam seed;
    private final Param<String> trainingMode;
    private final IntParam localEpochs;
    private final IntParam aggregationDepth;

    public PlugnetClassifier() {
        this(Identifiable.randomUID("plugnet"));
    }

    public PlugnetClassifier(String uid) {
        this.uid = uid;
        model = new Param<>(this, "model",
            "the network: plugnet's model JSON, as text or as a path (any file system Spark reads)");
        ScoringColumns shared = ScoringColumns.define(this);
        featuresCol = shared.featuresCol();
        featureCols = shared.featureCols();
        predictionCol = shared.predictionCol();
        probabilityCol = shared.probabilityCol();
        rawPredictionCol = shared.rawPredictionCol();
        predictedLabelCol = shared.predictedLabelCol();
        labelCol = new Param<>(this, "labelCol", "the class labels: strings or numbers");
        epochs = new IntParam(this, "epochs", "epochs to train (default: the model's)");
        batchSize = new IntParam(this, "batchSize",
            "rows per minibatch: global in synchronous mode, per partition in averaging mode (default: the model's)");
        validationFraction = new DoubleParam(this, "validationFraction",
            "fraction of rows held out for validation and early stopping, in [0, 1) (default: the model's)");
        validationIndicatorCol = new Param<>(this, "validationIndicatorCol",
            "a boolean column: true for the validation rows, false for the training rows (instead of validationFraction)");
        patience = new IntParam(this, "patience",
            "epochs without a better validation loss before stopping; 0 turns early stopping off (default: the model's)");
        seed = new LongParam(this, "seed",
            "seeds the initial weights, the validation split and the minibatch order (default: the model's)");
        trainingMode = new Param<>(this, "trainingMode",
            "synchronous (one optimizer step per global minibatch) or averaging (local epochs, then the mean)");
        localEpochs = new IntParam(this, "localEpochs",
            "averaging mode: local epochs per partition between averages");
        aggregationDepth = new IntParam(this, "aggregationDepth", "treeAggregate's depth (>= 2)");
        setDefault(labelCol, "label");
        setDefault(validationIndicatorCol, "");
        setDefault(trainingMode, TrainingMode.SYNCHRONOUS.word());
        setDefault(localEpochs, 1);
        setDefault(aggregationDepth, 2);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public PlugnetClassificationModel fit(Dataset<?> dataset) {
        try {
            return train(dataset);
        } catch (Exception e) {
            throw PlugnetSparkException.unwrap(e);
        }
    }

    private PlugnetClassificationModel train(Dataset<?> dataset) {
        Plugnet plugnet = SparkPlugins.boot();
        ModelSpec spec = spec(plugnet, dataset);
        TrainingSpec t = spec.training() == null ? TrainingSpec.DEFAULTS : spec.training();
        int epochCount = isSet(epochs) ? (Integer) getOrDefault(epochs) : t.epochs();
        int batch = isSet(batchSize) ? (Integer) getOrDefault(batchSize) : t.batchSize();
        double fraction = isSet(validationFraction) ? (Double) getOrDefault(validationFraction)
                : t.validationFraction();
        int wait = isSet(patience) ? (Integer) getOrDefault(patience) : t.patience();
        long runSeed = isSet(seed) ? (Long) getOrDefault(seed) : spec.seed();
        TrainingMode mode = TrainingMode.of(getOrDefault(trainingMode));
        int local = (Integer) getOrDefault(localEpochs);
        int depth = (Integer) getOrDefault(aggregationDepth);
        require(epochCount >= 1, "epochs", "expected a positive number of epochs, got " + epochCount);
        require(batch >= 1, "batchSize", "expected a positive batch size, got " + batch);
        require(fraction >= 0 && fraction < 1, "validationFraction", "expected a fraction in [0, 1), got " + fraction);
        require(wait >= 0, "patience", "expected 0 or more epochs, got " + wait);
        String indicator = getOrDefault(validationIndicatorCol);
        boolean indicated = !indicator.isEmpty();
        require(!indicated || !isSet(validationFraction), "validationFraction", "both validationFraction and"
                + " validationIndicatorCol are set; the column \"" + indicator + "\" says which rows are validation rows,"
                + " so set only one of them");
        require(wait == 0 || fraction > 0 || indicated, "patience", "early stopping (patience " + wait + ") watches the "
                + "validation rows, but validationFraction is 0; set a validation fraction above 0, or patience 0 to"
                + " train every epoch and keep the last weights");
        require(local >= 1, "localEpochs", "expected a positive number of epochs, got " + local);
        require(depth >= 2, "aggregationDepth", "expected 2 or more, got " + depth);

        Monitor monitor = Monitor.of(t.monitor());
        require(monitor != null && monitor.appliesTo(false), "model", "training.monitor: a classifier has no \""
                + t.monitor() + "\"; it may monitor " + String.join(", ", Monitor.keysFor(false)));

        String label = getOrDefault(labelCol);
        TrainingSpec ran = t.with(epochCount, batch, wait, label).withFractions(fraction, 0.0);
        spec = spec.withSeed(runSeed).withTraining(ran);
        NetworkAdapter network = new NetworkAdapter(SparkPlugins.assemble(plugnet, spec, "param model"));

        StructType schema = dataset.schema();
        String[] names = getOrDefault(featureCols);
        String vector = getOrDefault(featuresCol);
        Columns.features(schema, vector, names, spec.inputs());
        Columns.label(schema, label);
        List<String> featureNames = Columns.featureNames(schema, vector, names, spec.inputs());
        if (indicated) {
            Columns.indicator(schema, indicator);
        }
        String[] more = indicated ? new String[] {label, indicator} : new String[] {label};
        Dataset<Row> selected = names.length > 0
                ? dataset.toDF().select(concat(names, more))
                : dataset.toDF().select(concat(new String[] {vector}, more));
        RowReader reader = Columns.features(selected.schema(), vector, names, spec.inputs());
        int labelIndex = selected.schema().fieldIndex(label);
        JavaRDD<Row> rows = selected.javaRDD();
        int partitions = rows.getNumPartitions();
        int width = spec.inputs();
        RowSplit.Plan splits = indicated ? RowSplit.indicated(selected.schema().fieldIndex(indicator), indicator)
                : RowSplit.drawn(runSeed, fraction);

        FeatureStatistics stats = rows.mapPartitionsWithIndex((p, it) -> {
            FeatureStatistics s = new FeatureStatistics(width);
            RowSplit split = splits.partition(p);
            RowPosition where = new RowPosition("partition " + p);
            double[] raw = new double[width];
            long training = 0;
            while (it.hasNext()) {
                Row row = it.next();
                where.next();
                reader.features(row, raw, where);
                s.addLabel(RowReader.label(row, labelIndex, label, where));
                if (split.validation(row, where)) {
                    s.addValidation();
                } else {
                    s.addTraining(raw);
                    training++;
                }
            }
            s.partition(p, training);
            return List.of(s).iterator();
        }, true).treeAggregate(new FeatureStatistics(width), FeatureStatistics::merge, FeatureStatistics::merge,
                depth);

        List<String> classes = t.classes() == null ? ClassNames.sorted(stats.labels()) : t.classes();
        if (t.classes() != null && !stats.labels().equals(new java.util.TreeSet<>(t.classes()))) {
            throw new PlugnetSparkException("column \"" + label + "\"", "the model's training.classes " + t.classes()
                    + " do not match the classes in the data " + stats.labels());
        }
        if (classes.size() < 2) {
            throw new PlugnetSparkException("column \"" + label + "\"", "expected at least two classes, got "
                    + classes);
        }
        if (classes.size() != network.outputs()) {
            throw new PlugnetSparkException("column \"" + label + "\"", "the model has " + network.outputs()
                    + " outputs, the data " + classes.size() + " classes " + classes);
        }
        long[] offsets = stats.offsets(partitions);
        long trainingRows = offsets[partitions];
        if (trainingRows == 0) {
            throw new PlugnetSparkException("the data", "no training rows: " + (indicated ? "column \"" + indicator
                    + "\" marks all " + stats.validationCount() + " rows as validation rows" : "validationFraction "
                    + fraction + " held out all " + stats.validationCount() + " rows"));
        }
        if (indicated && wait > 0 && stats.validationCount() == 0) {
            throw new PlugnetSparkException("column \"" + indicator + "\"", "no row is marked true (a validation row),"
                    + " but early stopping (patience " + wait + ") watches the validation rows; mark some, or set"
                    + " patience 0");
        }
        if (trainingRows > Integer.MAX_VALUE) {
            throw new PlugnetSparkException("the data", "more than " + Integer.MAX_VALUE + " training rows");
        }
        Standardizer standardizer = new Standardizer(stats.means(), stats.scales());
        Map<String, Integer> classIndex = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            classIndex.put(classes.get(k), k);
        }
        double[] means = standardizer.means();
        double[] scales = standardizer.scales();
        JavaRDD<TrainingBlock> blocks = rows.mapPartitionsWithIndex((p, it) -> List.of(TrainingBlock.read(p, it,
                reader, labelIndex, label, classIndex, new Standardizer(means, scales), (int) offsets[p],
                splits.partition(p))).iterator(), true).persist(StorageLevel.MEMORY_AND_DISK());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
        Broadcast<String> json = sc.broadcast(plugnet.writer().write(spec));
        DistributedTrainer.Result result;
        try {
            result = new DistributedTrainer(new DistributedTrainer.Settings(epochCount, batch, wait, t.schedule(),
                    runSeed, mode, local, depth, ran.monitor(), ran.minDelta())).train(network, blocks, json, (int) trainingRows,
                    stats.validationCount());
        } finally {
            blocks.unpersist(false);
            json.destroy();
        }
        Preprocessing preprocessing = new Preprocessing(featureNames, label, standardizer, classes);
        Checkpoint checkpoint = Checkpoint.capture(network.model(), plugnet.registry(), null, preprocessing,
                result.history());
        PlugnetClassificationModel fitted = new PlugnetClassificationModel(uid, checkpoint, result.jobs());
        copyValues(fitted, ParamMap.empty());
        return fitted.setParent(this);
    }

    /** @return the model param's network, read with the plugins installed on the driver */
    private ModelSpec spec(Plugnet plugnet, Dataset<?> dataset) {
        if (!isDefined(model)) {
            throw new PlugnetSparkException("param model", "not set: give plugnet's model JSON as text or a path");
        }
        String value = getOrDefault(model);
        String text = value.strip().startsWith("{") ? value
                : HadoopFiles.read(value, dataset.sparkSession().sparkContext().hadoopConfiguration());
        return SparkPlugins.read(plugnet, text, value.strip().startsWith("{") ? "param model" : value);
    }

    private static org.apache.spark.sql.Column[] concat(String[] names, String[] more) {
        org.apache.spark.sql.Column[] cols = new org.apache.spark.sql.Column[names.length + more.length];
        for (int i = 0; i < cols.length; i++) {
            String name = i < names.length ? names[i] : more[i - names.length];
            cols[i] = org.apache.spark.sql.functions.col("`" + name.replace("`", "``") + "`");
        }
        return cols;
    }

    private static void require(boolean ok, String param, String problem) {
        if (!ok) {
            throw new PlugnetSparkException("param " + param, problem);
        }
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Columns.label(schema, getOrDefault(labelCol));
        return Columns.scored(schema, getPredictionCol(), getProbabilityCol(),
                getRawPredictionCol(), getPredictedLabelCol());
    }

    @Override
    public PlugnetClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<PlugnetClassifier> read() {
        return new DefaultParamsReader<>();
    }

    public static PlugnetClassifier load(String path) {
        return read().load(path);
    }

    // params, getters and setters, as Spark ML names them

    public Param<String> model() {
        return model;
    }

    @Override
    public Param<String> featuresCol() {
        return featuresCol;
    }

    @Override
    public StringArrayParam featureCols() {
        return featureCols;
    }

    public Param<String> labelCol() {
        return labelCol;
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

    public IntParam epochs() {
        return epochs;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public DoubleParam validationFraction() {
        return validationFraction;
    }

    public Param<String> validationIndicatorCol() {
        return validationIndicatorCol;
    }

    public IntParam patience() {
        return patience;
    }

    public LongParam seed() {
        return seed;
    }

    public Param<String> trainingMode() {
        return trainingMode;
    }

    public IntParam localEpochs() {
        return localEpochs;
    }

    public IntParam aggregationDepth() {
        return aggregationDepth;
    }

    /** @param value plugnet's model JSON as text, or a path to it */
    public PlugnetClassifier setModel(String value) {
        set(model, value);
        return this;
    }

    public PlugnetClassifier setLabelCol(String value) {
        set(labelCol, value);
        return this;
    }

    public PlugnetClassifier setEpochs(int value) {
        set(epochs, value);
        return this;
    }

    public PlugnetClassifier setBatchSize(int value) {
        set(batchSize, value);
        return this;
    }

    public PlugnetClassifier setValidationFraction(double value) {
        set(validationFraction, value);
        return this;
    }

    /**
     * @param value a boolean column: {@code true} marks a validation row, {@code false} a training row; used
     *        instead of {@code validationFraction}'s seeded draw, so that another program can be given the same
     *        training rows (empty: draw)
     */
    public PlugnetClassifier setValidationIndicatorCol(String value) {
        set(validationIndicatorCol, value);
        return this;
    }

    public PlugnetClassifier setPatience(int value) {
        set(patience, value);
        return this;
    }

    public PlugnetClassifier setSeed(long value) {
        set(seed, value);
        return this;
    }

    /** @param value {@code synchronous} or {@code averaging} */
    public PlugnetClassifier setTrainingMode(String value) {
        TrainingMode.of(value);
        set(trainingMode, value);
        return this;
    }

    public PlugnetClassifier setLocalEpochs(int value) {
        set(localEpochs, value);
        return this;
    }

    public PlugnetClassifier setAggregationDepth(int value) {
        set(aggregationDepth, value);
        return this;
    }
}
