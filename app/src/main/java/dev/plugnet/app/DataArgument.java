package dev.plugnet.app;

import dev.plugnet.core.data.CsvTable;
import dev.plugnet.core.data.CsvTableReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A {@code --data} value: a CSV file, or the name of a bundled example's data set when no such file exists. */
final class DataArgument {
    private DataArgument() {
    }

    /**
     * @return {@code saved} if it names a bundled data set (and no file of that name exists), else {@code null}:
     *         a data path recorded inside a checkpoint is not a path the user gave, so it is not opened
     */
    static String bundledOnly(String saved) {
        return saved != null && BundledExample.named(saved).isPresent() && !Files.exists(Path.of(saved)) ? saved
                : null;
    }

    /** @return the table {@code value} names */
    static CsvTable read(String value, CsvTableReader reader) {
        Path file = Path.of(value);
        Optional<BundledExample> bundled = BundledExample.named(value);
        if (!Files.exists(file) && bundled.isPresent()) {
            return bundled.get().data(reader);
        }
        return reader.read(file);
    }
}
