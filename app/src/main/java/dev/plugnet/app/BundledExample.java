package dev.plugnet.app;

import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.data.CsvTable;
import dev.plugnet.core.data.CsvTableReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The examples bundled inside the app jar: a model config and its data set each, used by name where a file
 * is expected ({@code --config iris}, {@code --data thyroid}). Both data sets come with their provenance and
 * licence in {@code examples/DATA-LICENSE.md} beside them.
 */
enum BundledExample {
    THYROID("thyroid", "thyroid-5-4-3.json", "new-thyroid.csv",
            "the 5-4-3 network of SPEC.md on UCI new-thyroid (215 rows, 5 features, 3 classes)"),
    IRIS("iris", "iris-4-8-3.json", "iris.csv", "a 4-8-3 network on Fisher's iris (150 rows, 4 features, 3 classes)"),
    FRIEDMAN("friedman", "friedman-5-16-1.json", "friedman1.csv",
            "a 5-16-1 regression on Friedman's first benchmark function (500 generated rows, 5 features, 1 target)");

    /** The example {@code train} runs when given no config. */
    static final BundledExample DEFAULT = THYROID;

    private final String exampleName;
    private final String configResource;
    private final String dataResource;
    private final String about;

    BundledExample(String exampleName, String configResource, String dataResource, String about) {
        this.exampleName = exampleName;
        this.configResource = configResource;
        this.dataResource = dataResource;
        this.about = about;
    }

    /** @return the example called {@code name} ({@code thyroid}, {@code iris}), if there is one */
    static Optional<BundledExample> named(String name) {
        return Arrays.stream(values()).filter(e -> e.exampleName.equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** @return the names, for help texts */
    static String names() {
        return String.join(", ", Arrays.stream(values()).map(e -> e.exampleName).toList());
    }

    String exampleName() {
        return exampleName;
    }

    String about() {
        return about;
    }

    /** @return the config's JSON text */
    String configText() {
        try (InputStream in = open(configResource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the data set, read from inside the jar */
    CsvTable data(CsvTableReader reader) {
        return reader.read(dataResource + " (bundled)", open(dataResource));
    }

    private static InputStream open(String resource) {
        InputStream in = BundledExample.class.getResourceAsStream("examples/" + resource);
        if (in == null) {
            throw new PlugnetException("examples/" + resource, "the bundled file is missing from the app");
        }
        return in;
    }
}
