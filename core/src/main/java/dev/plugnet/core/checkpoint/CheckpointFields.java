package dev.plugnet.core.checkpoint;

import java.util.Set;

/**
 * The checkpoint format's field names, in one place for the writer and the reader: the writer writes these
 * names, the reader accepts exactly these (any other field is an error with its JSON path).
 */
final class CheckpointFields {
    // the top level, in the order the writer writes it
    static final String FORMAT = "format";
    static final String KIND = "kind";
    static final String CONFIG = "config";
    static final String PLUGINS = "plugins";
    static final String DATA = "data";
    static final String PREPROCESSING = "preprocessing";
    static final String WEIGHTS = "weights";
    static final String OPTIMIZER = "optimizer";
    static final String HISTORY = "history";
    static final String CHECKSUM = CheckpointChecksum.FIELD;
    static final Set<String> TOP = Set.of(FORMAT, KIND, CONFIG, PLUGINS, DATA, PREPROCESSING, WEIGHTS, OPTIMIZER,
            HISTORY, CHECKSUM);

    // plugins[i]
    static final String PLUGIN_KIND = "kind";
    static final String PLUGIN_NAME = "name";
    static final String PLUGIN_MODULE = "module";
    static final String PLUGIN_VERSION = "version";
    static final Set<String> PLUGIN = Set.of(PLUGIN_KIND, PLUGIN_NAME, PLUGIN_MODULE, PLUGIN_VERSION);

    // preprocessing
    static final String LABEL_COLUMN = "label_column";
    static final String FEATURES = "features";
    static final String MEANS = "means";
    static final String SCALES = "scales";
    static final String LABELS = "labels";
    static final String TARGET_MEANS = "target_means";
    static final String TARGET_SCALES = "target_scales";
    static final Set<String> PREPROCESSING_FIELDS = Set.of(LABEL_COLUMN, FEATURES, MEANS, SCALES, LABELS,
            TARGET_MEANS, TARGET_SCALES);

    // a matrix: weights.PATH and optimizer.state[i]
    static final String ROWS = "rows";
    static final String COLS = "cols";
    static final String VALUES = "values";
    static final Set<String> MATRIX = Set.of(ROWS, COLS, VALUES);

    // optimizer
    static final String LEARNING_RATE = "learning_rate";
    static final String STATE = "state";
    static final Set<String> OPTIMIZER_FIELDS = Set.of(LEARNING_RATE, STATE);

    // history and history.epochs[i]
    static final String BEST_EPOCH = "best_epoch";
    static final String STOPPED_EARLY = "stopped_early";
    static final String EPOCHS = "epochs";
    static final Set<String> HISTORY_FIELDS = Set.of(BEST_EPOCH, STOPPED_EARLY, EPOCHS);
    static final String EPOCH = "epoch";
    static final String TRAIN_LOSS = "train_loss";
    static final String TRAIN_ACCURACY = "train_accuracy";
    static final String VALIDATION_LOSS = "validation_loss";
    static final String VALIDATION_ACCURACY = "validation_accuracy";
    static final String EPOCH_LEARNING_RATE = "learning_rate";
    // a regression's epochs, in the targets' units
    static final String TRAIN_MAE = "train_mae";
    static final String TRAIN_RMSE = "train_rmse";
    static final String TRAIN_R2 = "train_r2";
    static final String VALIDATION_MAE = "validation_mae";
    static final String VALIDATION_RMSE = "validation_rmse";
    static final String VALIDATION_R2 = "validation_r2";
    static final Set<String> EPOCH_FIELDS = Set.of(EPOCH, TRAIN_LOSS, TRAIN_ACCURACY, VALIDATION_LOSS,
            VALIDATION_ACCURACY, EPOCH_LEARNING_RATE, TRAIN_MAE, TRAIN_RMSE, TRAIN_R2, VALIDATION_MAE,
            VALIDATION_RMSE, VALIDATION_R2);

    private CheckpointFields() {
    }
}
