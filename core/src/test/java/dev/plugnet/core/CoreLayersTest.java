package dev.plugnet.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Core's parts and the direction of their imports (docs/architecture.md), checked on the sources: each package
 * may import only the core packages listed for it; Jackson CSV is the data package's alone.
 */
class CoreLayersTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/plugnet/core");
    private static final Pattern CORE_IMPORT = Pattern.compile("^import dev\\.plugnet\\.core\\.(\\w+)\\.", Pattern.MULTILINE);

    /** Each part and the core packages it may import (besides itself); the facade (the root) may import all. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("text", Set.of("files")),
            Map.entry("json", Set.of()),
            Map.entry("files", Set.of()),
            Map.entry("compute", Set.of()),
            Map.entry("plugins", Set.of()),
            Map.entry("model", Set.of("json", "plugins", "text")),
            Map.entry("network", Set.of("json", "plugins", "model", "compute")),
            Map.entry("data", Set.of("text", "json", "files")),
            Map.entry("metrics", Set.of("data", "network")),
            Map.entry("train", Set.of("text", "data", "metrics", "model", "network", "plugins")),
            Map.entry("checkpoint", Set.of("text", "json", "files", "plugins", "model", "network", "data", "metrics",
                    "train")),
            Map.entry("gradcheck", Set.of("network")),
            Map.entry("reference", Set.of("json", "model", "network", "plugins", "facade")));

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sources(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void everyPackageImportsOnlyTheLayersBelowIt() throws IOException {
        List<String> broken = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        try (Stream<Path> folders = Files.list(SOURCES)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String part = folder.getFileName().toString();
                seen.add(part);
                assertTrue(ALLOWED.containsKey(part), "the package " + part + " has no place among core's parts yet");
                for (Path file : sources(folder)) {
                    String text = read(file);
                    Matcher m = CORE_IMPORT.matcher(text);
                    while (m.find()) {
                        String target = m.group(1);
                        if (!target.equals(part) && !ALLOWED.get(part).contains(target)) {
                            broken.add(SOURCES.relativize(file) + " imports dev.plugnet.core." + target);
                        }
                    }
                    boolean facade = Pattern.compile("^import dev\\.plugnet\\.core\\.[A-Z]", Pattern.MULTILINE)
                            .matcher(text).find();
                    if (facade && !ALLOWED.get(part).contains("facade")) {
                        broken.add(SOURCES.relativize(file) + " imports the facade (dev.plugnet.core)");
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
        assertEquals(new TreeSet<>(ALLOWED.keySet()), seen, "every listed part exists");
    }

    @Test
    void onlyTheDataPackageReadsCsv() throws IOException {
        List<String> users = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (read(file).contains("tools.jackson.dataformat.csv")) {
                    users.add(SOURCES.relativize(file.getParent()).toString());
                }
            }
        }
        assertTrue(!users.isEmpty() && users.stream().allMatch("data"::equals), users.toString());
    }
}
