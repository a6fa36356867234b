package dev.plugnet.core.reference;

import java.util.Objects;

/**
 * The layer plugin that a reference case's layers run on: one computing {@code x·W + b} from weights given as
 * options (a case's {@code W[i]} and {@code b[i]}), with its two parameters named so that {@code dL/dW} and
 * {@code dL/db} can be compared. The caller names it — the command line names plugnet's dense layer,
 * {@code new ReferenceLayer("dense", "units", "weights", "biases", "W", "b")} — so core knows no plugin by name.
 *
 * @param type the layer plugin's name
 * @param widthOption its option for the output width n_out
 * @param weightsOption its option for W, (n_in, n_out) rows of numbers
 * @param biasesOption its option for b, n_out numbers
 * @param weightParameter the name of its parameter W
 * @param biasParameter the name of its parameter b
 */
public record ReferenceLayer(String type, String widthOption, String weightsOption, String biasesOption,
                             String weightParameter, String biasParameter) {
    public ReferenceLayer {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(widthOption, "widthOption");
        Objects.requireNonNull(weightsOption, "weightsOption");
        Objects.requireNonNull(biasesOption, "biasesOption");
        Objects.requireNonNull(weightParameter, "weightParameter");
        Objects.requireNonNull(biasParameter, "biasParameter");
    }
}
