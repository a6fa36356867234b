package dev.plugnet.app;

import dev.plugnet.testkit.PluginJarBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code examples/embedding} — the README's "Using plugnet from Java" program — compiled from its real sources
 * against plugnet's jars ({@code app/target/modules}, after {@code package}) and run in its own JVM, on the module
 * path and on the class path: it trains on arrays, saves to a stream, loads, predicts and evaluates.
 */
class EmbeddingExampleIT {
    private static final Path MODULES = Path.of(System.getProperty("plugnet.modules", "target/modules"));
    private static final Path EXAMPLE = Path.of(System.getProperty("plugnet.examples", "../examples"), "embedding");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String MAIN = "com.example.embedding.ThyroidExample";

    @TempDir
    static Path dir;

    static Path jar;

    @BeforeAll
    static void buildTheExample() {
        jar = PluginJarBuilder.create().sourceTree(EXAMPLE.resolve("src/main/java"))
                .resourceTree(EXAMPLE.resolve("src/main/resources")).modulePath(MODULES)
                .build(dir.resolve("embedding-1.0.0.jar"));
    }

    private static String run(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(arguments);
        Path log = Files.createTempFile(dir, "run", ".log");
        Path errors = Files.createTempFile(dir, "run", ".err");
        // standard error apart: a JDK's own warnings there (JDK 24+ on native access) are not the example's output
        Process p = new ProcessBuilder(command).redirectOutput(log.toFile()).redirectError(errors.toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the example did not finish in 120 s");
            String out = Files.readString(log);
            assertEquals(0, p.exitValue(), () -> out + readQuietly(errors));
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }

    private static void assertItTrainedSavedLoadedAndPredicted(String out) {
        assertTrue(out.contains("epoch 100: validation loss"), out);
        assertTrue(out.matches("(?s).*trained \\d+ epochs, kept epoch \\d+.*"), out);
        assertTrue(out.contains("predicted normal, probabilities {hyper="), out);
        assertTrue(out.matches("(?s).*accuracy on all 215 rows: (9[5-9]|100)\\.\\d%.*"), out);
    }

    @Test
    void runsOnTheModulePath() throws Exception {
        String out = run(List.of("--module-path", MODULES + File.pathSeparator + jar, "--module",
                "com.example.embedding/" + MAIN));
        assertItTrainedSavedLoadedAndPredicted(out);
    }

    @Test
    void runsOnTheClassPathWithTheSameResults() throws Exception {
        String out = run(List.of("-cp", MODULES.resolve("*") + File.pathSeparator + jar, MAIN));
        assertItTrainedSavedLoadedAndPredicted(out);
        String onModules = run(List.of("--module-path", MODULES + File.pathSeparator + jar, "--module",
                "com.example.embedding/" + MAIN));
        assertEquals(onModules, out, "the same seed gives the same run on either path");
    }
}
