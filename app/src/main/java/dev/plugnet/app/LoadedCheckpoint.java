package dev.plugnet.app;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.checkpoint.CheckpointReader;
import dev.plugnet.core.checkpoint.CheckpointWriter;
import dev.plugnet.core.network.AssembledModel;

import java.nio.file.Path;

/**
 * A checkpoint read from a file and restored into a model with the installed plugins.
 *
 * @param checkpoint what the file holds
 * @param model the model, with the checkpoint's weights and optimizer state
 */
record LoadedCheckpoint(Checkpoint checkpoint, AssembledModel model) {

    /** Reads and restores {@code file}, or says in one line why it cannot be used. */
    static LoadedCheckpoint load(Plugnet plugnet, Path file) {
        CheckpointReader reader = reader(plugnet);
        Checkpoint c = reader.read(file);
        return new LoadedCheckpoint(c, reader.restore(c, plugnet.assembler(), plugnet.registry(), file.toString()));
    }

    static CheckpointReader reader(Plugnet plugnet) {
        return new CheckpointReader(plugnet.json(), plugnet.reader());
    }

    static CheckpointWriter writer(Plugnet plugnet) {
        return new CheckpointWriter(plugnet.json(), plugnet.writer());
    }
}
