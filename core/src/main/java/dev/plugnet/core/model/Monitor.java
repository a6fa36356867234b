package dev.plugnet.core.model;

import java.util.Arrays;
import java.util.List;

/**
 * What early stopping watches ({@code training.monitor}), measured on the validation rows after each epoch: the
 * loss for any model, the accuracy for a classifier, MAE, RMSE or R² (in the targets' own units) for a regression.
 */
public enum Monitor {
    /** The mean loss, lower is better; any model. */
    VALIDATION_LOSS("validation_loss", true, true, true),
    /** The share of rows classified right, higher is better; a classifier only. */
    VALIDATION_ACCURACY("validation_accuracy", false, true, false),
    /** The mean absolute error in the targets' units, lower is better; a regression only. */
    VALIDATION_MAE("validation_mae", true, false, true),
    /** The root mean squared error in the targets' units, lower is better; a regression only. */
    VALIDATION_RMSE("validation_rmse", true, false, true),
    /** The coefficient of determination, higher is better; a regression only. */
    VALIDATION_R2("validation_r2", false, false, true);

    private final String key;
    private final boolean lowerIsBetter;
    private final boolean classifier;
    private final boolean regression;

    Monitor(String key, boolean lowerIsBetter, boolean classifier, boolean regression) {
        this.key = key;
        this.lowerIsBetter = lowerIsBetter;
        this.classifier = classifier;
        this.regression = regression;
    }

    /** @return the name a model file and {@code --monitor} use, such as {@code validation_rmse} */
    public String key() {
        return key;
    }

    /** @return whether a smaller value is an improvement */
    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** @return whether a model of this kind (a regression, or a classifier) has this figure */
    public boolean appliesTo(boolean isRegression) {
        return isRegression ? regression : classifier;
    }

    /** @return every name, in order */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Monitor::key).toList();
    }

    /** @return the names a regression (or a classifier) may monitor */
    public static List<String> keysFor(boolean isRegression) {
        return Arrays.stream(values()).filter(m -> m.appliesTo(isRegression)).map(Monitor::key).toList();
    }

    /**
     * The names by kind of model, for messages and help: {@value #CHOICES}.
     */
    public static final String CHOICES = "validation_loss (any model), validation_accuracy (a classifier),"
            + " validation_mae, validation_rmse or validation_r2 (a regression)";

    /**
     * @param key a monitor's name
     * @param isRegression whether the model is a regression
     * @throws dev.plugnet.api.ConfigException at {@code training.monitor} if that kind of model lacks the figure
     */
    public static void require(String key, boolean isRegression) {
        Monitor m = of(key);
        if (m == null || !m.appliesTo(isRegression)) {
            throw new dev.plugnet.api.ConfigException("training.monitor", (isRegression
                    ? "a regression has no \"" + key + "\"; it may monitor "
                    : "a classifier has no \"" + key + "\"; it may monitor ")
                    + String.join(", ", keysFor(isRegression)));
        }
    }

    /** @return the monitor of that name, or {@code null} */
    public static Monitor of(String key) {
        for (Monitor m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        return null;
    }
}
