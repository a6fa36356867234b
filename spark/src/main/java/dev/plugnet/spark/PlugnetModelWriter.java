package dev.plugnet.spark;

import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLWriter;

/**
 * Saves a {@link PlugnetClassificationModel} as Spark ML does (the params in {@code metadata/}, so a
 * {@code PipelineModel} that holds it saves and loads) with the model itself in {@code checkpoint.json}: a
 * plugnet checkpoint, readable by {@code plugnet evaluate}, {@code predict} and the library.
 */
final class PlugnetModelWriter extends MLWriter {
    /** The checkpoint's file name inside the saved model's folder. */
    static final String CHECKPOINT = "checkpoint.json";

    private final PlugnetClassificationModel model;

    PlugnetModelWriter(PlugnetClassificationModel model) {
        this.model = model;
    }

    @Override
    public void saveImpl(String path) {
        DefaultParamsWriter$.MODULE$.saveMetadata(model, path, sparkSession());
        HadoopFiles.write(path + "/" + CHECKPOINT, model.checkpointJson(), sparkSession().sparkContext()
                .hadoopConfiguration());
    }
}
