package dev.plugnet.app;

import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.model.InferredWidths;
import dev.plugnet.core.model.ModelSpec;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The widths a model file leaves to the data ({@code inputs}, the last layer's {@code units}: absent or
 * {@code "auto"}), filled in from a data set's columns for commands that build a network without training it
 * ({@code explain}, {@code gradcheck}); without data, one usage error naming the flag that supplies it.
 */
final class WidthsFromData {
    private WidthsFromData() {
    }

    /**
     * @param widths which option sets each layer plugin's width
     * @param data the rows read as the model would train on them, or {@code null} when none was given
     * @param config how the user named the model file
     * @param flag the flag that gives the data, such as {@code --data}
     * @return {@code model} with every width a number
     * @throws ParameterException if the model leaves a width open and there is no data
     */
    static ModelSpec resolve(CommandLine cli, InferredWidths widths, ModelSpec model, Dataset data, String config,
                             String flag) {
        if (!widths.open(model)) {
            return model;
        }
        if (data == null) {
            throw new ParameterException(cli, "--config " + config + " leaves its widths to the data (\"inputs\" or"
                    + " the last layer's \"units\" is \"auto\" or left out); give " + flag + " CSV to take them"
                    + " from its columns, or write them in the model file");
        }
        return widths.resolve(model, data.featureNames().size(), data.labelNames().size());
    }
}
