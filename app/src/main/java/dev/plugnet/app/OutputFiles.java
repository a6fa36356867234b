package dev.plugnet.app;

import dev.plugnet.api.PlugnetException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code train} writes a checkpoint nobody named: {@code runs/NAME.json}, never over an existing file. */
final class OutputFiles {
    private OutputFiles() {
    }

    /** @return {@code runs/NAME.json}, or {@code runs/NAME-2.json}, … : the first that does not exist */
    static Path freshCheckpoint(String modelName) {
        return freshCheckpoint(Path.of("runs"), modelName);
    }

    /** @return {@code FOLDER/NAME.json}, or {@code FOLDER/NAME-2.json}, … : the first that does not exist */
    static Path freshCheckpoint(Path runs, String modelName) {
        String base = modelName.replaceAll("[^A-Za-z0-9._-]", "_");
        Path candidate = runs.resolve(base + ".json");
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = runs.resolve(base + "-" + i + ".json");
        }
        return candidate;
    }

    /** @throws PlugnetException if {@code file} cannot be an output file (it is a folder) */
    static void requireWritable(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new PlugnetException(option + " " + file, "is a folder; expected a file name");
        }
    }
}
