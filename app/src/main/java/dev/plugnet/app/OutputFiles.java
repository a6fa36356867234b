package dev.plugnet.app;

import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.files.InputFile;
import dev.plugnet.core.files.OutputRefusedException;
import dev.plugnet.core.files.OutputTarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line's side of output files: where {@code train} writes a checkpoint nobody named
 * ({@code runs/NAME.json}, never over an existing file), which flags are inputs, and the {@code --force} flag
 * that lets an existing file that is not plugnet's be replaced. The rules themselves are core's
 * ({@link OutputTarget}).
 */
final class OutputFiles {
    /** The flag that allows replacing an existing file that is not plugnet's own. */
    static final String FORCE = "--force";
    /** The name that means standard output where a command can stream its output. */
    static final String STANDARD_OUTPUT = "-";

    private OutputFiles() {
    }

    /** @return {@code runs/NAME.json}, or {@code runs/NAME-2.json}, … : the first that does not exist */
    static Path freshCheckpoint(String modelName) {
        return freshCheckpoint(Path.of("runs"), modelName);
    }

    /**
     * @return {@code FOLDER/NAME.json}, or {@code FOLDER/NAME-2.json}, … : the first that does not exist; a name
     *         that would give a hidden or empty file name ({@code ""}, {@code ".."}) becomes {@code model}
     */
    static Path freshCheckpoint(Path runs, String modelName) {
        String base = modelName.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^[.]+", "");
        if (base.isEmpty()) {
            base = "model";
        }
        if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        Path candidate = runs.resolve(base + ".json");
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = runs.resolve(base + "-" + i + ".json");
        }
        return candidate;
    }

    /** @return whether {@code file} names standard output ({@code -}) */
    static boolean isStandardOutput(Path file) {
        return file != null && file.toString().equals(STANDARD_OUTPUT);
    }

    /** @throws PlugnetException if {@code file} is {@code -}: this output cannot go to standard output */
    static void refuseStandardOutput(Path file, String option, String what) {
        if (isStandardOutput(file)) {
            throw new PlugnetException(option + " -", what + " is written to a file, not to standard output;"
                    + " give a file name");
        }
    }

    /**
     * Checks each output against its inputs and the other outputs, before any work.
     *
     * @param force whether {@code --force} was given
     * @throws OutputRefusedException if one is refused; the message names {@code --force} where it would help
     */
    static void check(boolean force, List<Output> outputs) {
        List<OutputTarget> targets = outputs.stream().map(Output::target).toList();
        for (int i = 0; i < outputs.size(); i++) {
            Output o = outputs.get(i);
            try {
                o.target().check(force, o.inputs(), targets.subList(0, i));
            } catch (OutputRefusedException e) {
                if (e.reason() == OutputRefusedException.Reason.FOREIGN) {
                    throw new OutputRefusedException(e.location(), e.problem() + " (give " + FORCE
                            + " to replace it)", e.reason());
                }
                throw e;
            }
        }
    }

    /**
     * An output with the inputs it must not replace.
     *
     * @param target the output
     * @param inputs what it must not be
     */
    record Output(OutputTarget target, List<InputFile> inputs) {
    }

    /** Collects a command's inputs, skipping values that are not files (bundled example names). */
    static final class Inputs {
        private final List<InputFile> files = new ArrayList<>();

        /** Adds {@code value} as an input if it names an existing file. */
        Inputs add(String role, String value) {
            if (value != null && !value.isEmpty()) {
                add(role, Path.of(value));
            }
            return this;
        }

        /** Adds {@code file} as an input if it exists. */
        Inputs add(String role, Path file) {
            if (file != null && Files.exists(file)) {
                files.add(new InputFile(role, file));
            }
            return this;
        }

        /** Adds every input in {@code more}. */
        Inputs addAll(List<InputFile> more) {
            files.addAll(more);
            return this;
        }

        List<InputFile> list() {
            return List.copyOf(files);
        }
    }
}
