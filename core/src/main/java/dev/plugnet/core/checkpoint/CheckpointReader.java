package dev.plugnet.core.checkpoint;

import dev.plugnet.api.ConfigException;
import dev.plugnet.core.files.BoundedRead;
import dev.plugnet.core.files.IoReasons;
import dev.plugnet.core.files.TooLargeException;
import dev.plugnet.core.model.ModelReader;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.ModelAssembler;
import dev.plugnet.core.network.Network;
import dev.plugnet.api.MatrixProducts;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a checkpoint written by {@link CheckpointWriter} from a file, a stream or a string, in three steps:
 * {@link CheckpointRecogniser} tells a checkpoint from a foreign file (each kind with its own message) and
 * verifies its checksum; {@link CheckpointDecoder} decodes it strictly (unknown fields and wrong types are
 * errors with the JSON path) and {@link CheckpointValidator} checks what its values mean; {@link #restore}
 * assembles it with the installed plugins and copies its weights and optimizer state in.
 *
 * <p>Input is read through {@link BoundedRead}, never more than {@link CheckpointLimits#maxBytes()}; a
 * device or a stream whose first bytes cannot begin a checkpoint is refused as soon as they are read.
 */
public final class CheckpointReader {
    private final CheckpointRecogniser recogniser;
    private final CheckpointDecoder decoder;
    private final long maxBytes;
    private final ObjectMapper mapper;
    private final ModelReader models;
    private final CheckpointLimits limits;

    /** A reader with the limit of {@link CheckpointLimits#fromSystemProperties()}. */
    public CheckpointReader(ObjectMapper mapper, ModelReader models) {
        this(mapper, models, CheckpointLimits.fromSystemProperties());
    }

    /** @param limits the largest checkpoint it reads */
    public CheckpointReader(ObjectMapper mapper, ModelReader models, CheckpointLimits limits) {
        this(mapper, models, limits, true);
    }

    private CheckpointReader(ObjectMapper mapper, ModelReader models, CheckpointLimits limits, boolean optimizerState) {
        this.recogniser = new CheckpointRecogniser(mapper);
        this.decoder = new CheckpointDecoder(models, optimizerState);
        this.maxBytes = limits.maxBytes();
        this.mapper = mapper;
        this.models = models;
        this.limits = limits;
    }

    /**
     * @return a reader for inference: it checks everything, the checksum over the whole file included, but does not
     *         decode the optimizer's state (its checkpoints have none, so restoring them for training would start
     *         the optimizer afresh)
     */
    public CheckpointReader forInference() {
        return new CheckpointReader(mapper, models, limits, false);
    }

    /**
     * Reads and checks a checkpoint file. Each way a file can fail to be a checkpoint has its own message
     * naming the file and where: empty, not UTF-8 text, not JSON, truncated (the JSON ends early), malformed,
     * JSON that is not a checkpoint (a model config is named as such), a newer format, a missing checksum, a
     * checksum that does not match the contents (edited or damaged), larger than the limit, and then any field
     * by its JSON path.
     *
     * @throws CheckpointException if the file cannot be used as a checkpoint
     */
    public Checkpoint read(Path file) {
        return open(file).checkpoint();
    }

    /** Reads a checkpoint from a stream (not closed); {@code source} names it in messages. */
    public Checkpoint read(InputStream in, String source) {
        return open(in, source).checkpoint();
    }

    /** Reads a checkpoint from its JSON text; {@code source} names it in messages. */
    public Checkpoint readText(String text, String source) {
        return open(text, source).checkpoint();
    }

    /** Reads a checkpoint file, keeping its format and whether its checksum verified it. */
    public CheckpointSource open(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new CheckpointException(source, "is a folder, not a checkpoint file");
        }
        byte[] bytes;
        try {
            bytes = BoundedRead.bytes(file, maxBytes, CheckpointRecogniser.earlyRefusal(source));
        } catch (TooLargeException e) {
            throw tooLarge(source, e);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(source, "no such file");
        } catch (AccessDeniedException e) {
            throw new CheckpointException(source, "cannot be read: permission denied");
        } catch (IOException e) {
            throw new CheckpointException(source, "cannot be read: " + IoReasons.of(e));
        }
        return decode(source, recogniser.recognise(source, bytes));
    }

    /** Reads a checkpoint from a stream (not closed), keeping its format and whether it verified. */
    public CheckpointSource open(InputStream in, String source) {
        byte[] bytes;
        try {
            bytes = BoundedRead.bytes(in, maxBytes, CheckpointRecogniser.earlyRefusal(source));
        } catch (TooLargeException e) {
            throw tooLarge(source, e);
        } catch (IOException e) {
            throw new CheckpointException(source, "cannot be read: " + IoReasons.of(e));
        }
        return decode(source, recogniser.recognise(source, bytes));
    }

    /** Reads a checkpoint from its JSON text, keeping its format and whether it verified. */
    public CheckpointSource open(String text, String source) {
        if (text.length() > maxBytes) {
            throw tooLarge(source, new TooLargeException(maxBytes, text.length()));
        }
        return decode(source, recogniser.recognise(source, text.startsWith("\uFEFF") ? text.substring(1) : text));
    }

    private CheckpointSource decode(String source, CheckpointRecogniser.Recognised recognised) {
        try {
            return new CheckpointSource(decoder.decode(recognised.root()), source, recognised.format(),
                    recognised.verified());
        } catch (ConfigException e) {
            ConfigException quoted = dev.plugnet.core.json.RawNumbers.quoted(e, mapper.tokenStreamFactory(),
                    recognised.text());
            throw new CheckpointException(source + " " + quoted.location(), quoted.problem());
        }
    }

    private static CheckpointException tooLarge(String source, TooLargeException e) {
        return new CheckpointException(source, "the checkpoint " + e.describe() + " (raise it with"
                + " -Dplugnet.max-checkpoint-bytes=N; by default it grows with -Dplugnet.max-parameters)");
    }

    /**
     * Assembles the checkpoint's model with the installed plugins and copies its weights, optimizer state and
     * learning rate in.
     *
     * @param source names the checkpoint in messages
     * @throws CheckpointException if a plugin it uses is not installed (naming each one), its class list does
     *         not fit the network's outputs, or its weights do not fit the assembled network
     */
    public AssembledModel restore(Checkpoint checkpoint, ModelAssembler assembler, PluginRegistry registry,
                                  String source) {
        return CheckpointRestorer.restore(checkpoint, assembler, registry, source);
    }

    /**
     * Assembles the checkpoint's network alone, for inference, and copies its weights in: the optimizer's plugin
     * need not be installed and no optimizer state is made.
     *
     * @param compute where the network's products run, or {@code null} for the model's compute choice
     * @param source names the checkpoint in messages
     * @throws CheckpointException if a layer, activation or loss plugin it uses is not installed (naming each one),
     *         its class list does not fit the network's outputs, or its weights do not fit the assembled network
     */
    public Network restoreNetwork(Checkpoint checkpoint, ModelAssembler assembler, PluginRegistry registry,
                                  MatrixProducts compute, String source) {
        return CheckpointRestorer.restoreNetwork(checkpoint, assembler, registry, compute, source, false);
    }

    /**
     * Assembles the checkpoint's network for prediction and copies its weights in: only the plugins of the
     * forward path (layers, activations) need be installed; the loss is built when its plugin is installed and
     * otherwise left out ({@link Network#hasLoss()}); the optimizer's plugin is never needed.
     *
     * @param compute where the network's products run, or {@code null} for the model's compute choice
     * @param source names the checkpoint in messages
     * @throws CheckpointException if a layer or activation plugin it uses is not installed (naming each one), its
     *         class list does not fit the network's outputs, or its weights do not fit the assembled network
     */
    public Network restoreForPrediction(Checkpoint checkpoint, ModelAssembler assembler, PluginRegistry registry,
                                        MatrixProducts compute, String source) {
        return CheckpointRestorer.restoreNetwork(checkpoint, assembler, registry, compute, source, true);
    }

    /**
     * Checks that every plugin a resumed run of the checkpoint needs is installed (the optimizer's too).
     *
     * @param source names the checkpoint in messages
     * @throws MissingPluginsException naming each plugin that is not installed
     */
    public static void requireForTraining(Checkpoint checkpoint, PluginRegistry registry, String source) {
        CheckpointRestorer.requireInstalled(checkpoint, registry, source, CheckpointRestorer.Need.TRAINING);
    }

    /**
     * Checks that the checkpoint's loss plugin is installed, which evaluating it needs (it reports the loss).
     *
     * @param source names the checkpoint in messages
     * @throws MissingPluginsException naming the loss's plugin if it is not installed
     */
    public static void requireLoss(Checkpoint checkpoint, PluginRegistry registry, String source) {
        String loss = checkpoint.config().loss().type();
        if (registry.find(PluginKind.LOSS, loss).isEmpty()) { // the config's loss, whatever the plugin list says
            PluginUse use = checkpoint.plugins().stream()
                    .filter(p -> p.kind() == PluginKind.LOSS && p.name().equals(loss)).findFirst()
                    .orElse(new PluginUse(PluginKind.LOSS, loss, "unknown", ""));
            throw new MissingPluginsException(source, "evaluating reports the loss (predict needs only the layers"
                    + " and activations)", List.of(use.describe()));
        }
    }

    /**
     * @return one sentence for each plugin the checkpoint uses whose installed version differs from the one it
     *         was written with (both versions known), naming both versions
     */
    public static List<String> versionChanges(Checkpoint checkpoint, PluginRegistry registry, String source) {
        List<String> changes = new ArrayList<>();
        for (PluginUse p : checkpoint.plugins()) {
            registry.find(p.kind(), p.name()).ifPresent(installed -> {
                if (!p.version().isEmpty() && !installed.version().isEmpty()
                        && !p.version().equals(installed.version())) {
                    changes.add(source + " was written with " + p.kind().word() + " \"" + p.name() + "\" " + p.version()
                            + " (module " + p.module() + "); installed is " + installed.version() + " (module "
                            + installed.module() + ", " + installed.origin() + "): results may differ");
                }
            });
        }
        return changes;
    }
}
