package dev.plugnet.core.train;

import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.model.TrainingSpec;

import java.util.Objects;

/**
 * What a resumed run may not change: everything that defines the train/validation/test split (the seed, the
 * validation and test fractions, the label column) and the optimizer whose state it continues. A changed
 * fraction would re-split the rows, so rows the first run trained on would be "held out" in the second and its
 * test report would be worthless.
 */
public final class ResumeRules {
    private ResumeRules() {
    }

    /**
     * @param saved the model as the checkpoint saved it
     * @param requested the model with the resumed run's settings
     * @param where names the resumed checkpoint in messages
     * @throws PlugnetException naming the first setting that differs and its saved value
     */
    public static void requireSameSplit(ModelSpec saved, ModelSpec requested, String where) {
        TrainingSpec a = saved.training();
        TrainingSpec b = requested.training();
        if (saved.seed() != requested.seed()) {
            throw changed(where, "seed", Long.toString(saved.seed()), Long.toString(requested.seed()));
        }
        if (Double.compare(a.validationFraction(), b.validationFraction()) != 0) {
            throw changed(where, "validation fraction", Double.toString(a.validationFraction()),
                    Double.toString(b.validationFraction()));
        }
        if (Double.compare(a.testFraction(), b.testFraction()) != 0) {
            throw changed(where, "test fraction", Double.toString(a.testFraction()), Double.toString(b.testFraction()));
        }
        if (!Objects.equals(a.label(), b.label())) {
            throw changed(where, "label column", String.valueOf(a.label()), String.valueOf(b.label()));
        }
        String savedOptimizer = saved.optimizer() == null ? "none" : saved.optimizer().type();
        String requestedOptimizer = requested.optimizer() == null ? "none" : requested.optimizer().type();
        if (!savedOptimizer.equals(requestedOptimizer)) {
            throw changed(where, "optimizer", savedOptimizer, requestedOptimizer);
        }
    }

    /**
     * @param saved the data the checkpoint names (as it was given when it was trained), or {@code null}
     * @param given the data named for the resumed run
     * @throws PlugnetException if they are not the same data set (the same name, or the same file however
     *         spelled): other rows would be split differently
     */
    public static void requireSameData(String saved, String given, String where) {
        if (saved == null || given == null || saved.equals(given)) {
            return;
        }
        try {
            java.nio.file.Path a = java.nio.file.Path.of(saved);
            java.nio.file.Path b = java.nio.file.Path.of(given);
            if (java.nio.file.Files.exists(a) && java.nio.file.Files.exists(b) && java.nio.file.Files.isSameFile(a, b)) {
                return;
            }
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            // not comparable as files: they differ
        }
        throw changed(where, "data", dev.plugnet.core.text.Printable.of(saved), dev.plugnet.core.text.Printable.of(given));
    }

    private static PlugnetException changed(String where, String setting, String saved, String requested) {
        return new PlugnetException(where, "a resumed run keeps its " + setting + " (" + saved + "), which defines"
                + " its split or its state; got " + requested + " (start a new run to change it)");
    }
}
