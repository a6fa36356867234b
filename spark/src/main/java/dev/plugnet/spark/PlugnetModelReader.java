package dev.plugnet.spark;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.checkpoint.Checkpoint;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import scala.Option;

/** Loads what {@link PlugnetModelWriter} saved: the params from Spark's metadata, the model from the checkpoint. */
final class PlugnetModelReader extends MLReader<PlugnetClassificationModel> {
    @Override
    public PlugnetClassificationModel load(String path) {
        DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sparkSession());
        String file = path + "/" + PlugnetModelWriter.CHECKPOINT;
        String json = HadoopFiles.read(file, sparkSession().sparkContext().hadoopConfiguration());
        Plugnet plugnet = SparkPlugins.boot();
        Checkpoint checkpoint = Checkpoints.fromJson(plugnet, json, file);
        Checkpoints.restore(plugnet, checkpoint, file);
        PlugnetClassificationModel model = new PlugnetClassificationModel(metadata.uid(), checkpoint, 0);
        metadata.getAndSetParams(model, Option.empty());
        return model;
    }
}
