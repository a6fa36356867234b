package dev.plugnet.spark;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.checkpoint.CheckpointException;
import dev.plugnet.core.checkpoint.CheckpointReader;
import dev.plugnet.core.checkpoint.CheckpointWriter;
import dev.plugnet.core.network.AssembledModel;


/**
 * plugnet checkpoints as text: the same JSON file (with its checksum) that {@code plugnet train} writes and
 * {@code plugnet evaluate} reads, so a model moves between Spark, the app and the library.
 */
final class Checkpoints {
    private Checkpoints() {
    }

    static String toJson(Plugnet plugnet, Checkpoint checkpoint) {
        return new CheckpointWriter(plugnet.json(), plugnet.writer()).toJson(checkpoint);
    }

    /**
     * @param source names the checkpoint in messages
     * @throws PlugnetSparkException if the text is not a valid checkpoint (damaged, edited, another file)
     */
    static Checkpoint fromJson(Plugnet plugnet, String json, String source) {
        try {
            return new CheckpointReader(plugnet.json(), plugnet.reader()).readText(json, source);
        } catch (CheckpointException e) {
            throw new PlugnetSparkException(e.getMessage(), e);
        }
    }

    /** @return the checkpoint's model with its weights, assembled with the plugins installed here */
    static AssembledModel restore(Plugnet plugnet, Checkpoint checkpoint, String source) {
        try {
            return new CheckpointReader(plugnet.json(), plugnet.reader()).restore(checkpoint, plugnet.assembler(),
                    plugnet.registry(), source);
        } catch (CheckpointException e) {
            throw new PlugnetSparkException(e.getMessage() + "; ship the plugins' jars with --jars or spark.jars",
                    e);
        }
    }
}
