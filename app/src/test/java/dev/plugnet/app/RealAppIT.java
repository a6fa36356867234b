package dev.plugnet.app;

import dev.plugnet.testkit.PluginJarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real app on the real module path ({@code app/target/modules}, after {@code package}), one JVM per command:
 * Surefire's patched module path hides JPMS mistakes (a missing {@code opens}, {@code provides} or
 * {@code requires}) that only a real run shows. Each test builds its own inputs in a temporary folder.
 */
class RealAppIT {
    private static final Path MODULES = Path.of(System.getProperty("plugnet.modules", "target/modules"));
    private static final Path WITHOUT_SHORTCUT = Path.of(System.getProperty("plugnet.modulesWithoutShortcut",
            "target/modules-without-shortcut"));
    private static final Path WITHOUT_LOSSES = Path.of(System.getProperty("plugnet.modulesWithoutLosses",
            "target/modules-without-losses"));
    private static final Path FIXTURES = Path.of(System.getProperty("plugnet.fixtures",
            "../core/src/test/resources/fixtures"));
    private static final Path WEIGHTED_FIXTURES = Path.of(System.getProperty("plugnet.weightedFixtures",
            "../core/src/test/resources/fixtures-weighted"));
    private static final Path EXAMPLES = Path.of(System.getProperty("plugnet.examples", "../examples"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
        String both() {
            return out + err;
        }
    }

    private Result run(String modulePath, String... args) throws IOException, InterruptedException {
        return run(List.of(), modulePath, args);
    }

    private Result run(List<String> jvm, String modulePath, String... args) throws IOException, InterruptedException {
        // native access for the openblas backend's modules, as ./plugnet allows it (JDK 24+ warns otherwise)
        List<String> command = new ArrayList<>(List.of(JAVA, "-Djava.awt.headless=true",
                "--enable-native-access=org.bytedeco.javacpp,org.bytedeco.openblas,dev.ludovic.netlib.blas"));
        command.addAll(jvm);
        command.addAll(List.of("--module-path", modulePath, "--module", "dev.plugnet.app"));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.log");
        Path err = dir.resolve("stderr.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the app did not finish in 120 s: " + command);
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            p.destroyForcibly();
        }
    }

    private Result app(String... args) throws IOException, InterruptedException {
        Result r = run(MODULES.toString(), args);
        assertEquals(0, r.code(), () -> String.join(" ", args) + " failed:\n" + r.both());
        return r;
    }

    @Test
    void theReferenceCasesPassOnBothBackwardPaths() throws Exception {
        Result r = app("verify-reference", FIXTURES.toString(), WEIGHTED_FIXTURES.toString());
        assertTrue(r.out().contains("shortcut") && r.out().contains("generic"), r.out());
    }

    @Test
    void theReferenceCasesPassOnEveryComputeBackend() throws Exception {
        app("--compute", "java", "verify-reference", FIXTURES.toString());
        // JavaCPP's loader finds the native library in its platform module on the real module path
        app("--compute", "openblas", "verify-reference", FIXTURES.toString());
        // a machine the openblas jar has no native library for: one warning, and the cases pass on java
        Result elsewhere = run(List.of("-Dorg.bytedeco.javacpp.platform=linux-arm64"), MODULES.toString(),
                "--compute", "openblas", "verify-reference", FIXTURES.toString());
        assertEquals(0, elsewhere.code(), elsewhere.both());
        assertTrue(elsewhere.err().contains("compute backend \"openblas\" cannot run here"), elsewhere.err());
    }

    @Test
    void withoutTheShortcutModuleTheSameModelsAssembleOnTheGenericPath() throws Exception {
        String path = WITHOUT_SHORTCUT + File.pathSeparator + MODULES.resolve("plugnet-app.jar");
        Result r = run(path, "verify-reference", "--expect-generic-only", FIXTURES.toString(),
                WEIGHTED_FIXTURES.toString());
        assertEquals(0, r.code(), r.both());
    }

    @Test
    void withoutTheLossAndOptimizerModulesACheckpointStillPredictsAndEvaluateNamesTheMissingLoss() throws Exception {
        Path model = dir.resolve("thyroid.json");
        app("train", "--epochs", "3", "--out", model.toString());
        Path expected = dir.resolve("expected.csv");
        app("predict", "--model", model.toString(), "--data", "thyroid", "--out", expected.toString());
        String forwardOnly = WITHOUT_LOSSES + File.pathSeparator + MODULES.resolve("plugnet-app.jar");
        Path predictions = dir.resolve("predictions.csv");
        Result predict = run(forwardOnly, "predict", "--model", model.toString(), "--data", "thyroid", "--out",
                predictions.toString());
        assertEquals(0, predict.code(), predict.both());
        assertEquals(Files.readString(expected), Files.readString(predictions), "the same predictions");
        Result evaluate = run(forwardOnly, "evaluate", "--model", model.toString(), "--data", "thyroid");
        assertEquals(ExitCodes.BAD_INPUT, evaluate.code(), evaluate.both());
        assertTrue(evaluate.err().startsWith("plugnet: " + model + ": evaluating reports the loss (predict needs"
                + " only the layers and activations), and needs plugins that are not installed: loss"
                + " \"cross_entropy\" (module dev.plugnet.losses"), evaluate.err());
        assertEquals(1, evaluate.err().lines().count(), evaluate.err());
    }

    @Test
    void aPluginJarInAFolderLoadsIntoItsOwnLayer() throws Exception {
        Path api;
        try (Stream<Path> jars = Files.list(MODULES)) {
            api = jars.filter(j -> j.getFileName().toString().startsWith("plugnet-api")).findFirst().orElseThrow();
        }
        Path folder = Files.createDirectories(dir.resolve("plugins"));
        Path example = EXAMPLES.resolve("third-party-layer");
        PluginJarBuilder.create().sourceTree(example.resolve("src/main/java"))
                .resourceTree(example.resolve("src/main/resources")).modulePath(api).moduleVersion("1.0.0")
                .build(folder.resolve("third-party-layers-1.0.0.jar"));
        Path schema = dir.resolve("model-schema.json");
        Result r = app("--plugins", folder.toString(), "plugins", "--schema", schema.toString());
        assertTrue(Files.readString(schema).contains("\"layer_norm\""), "the schema has the folder's layers");
        assertTrue(app("--plugins", folder.toString(), "plugins").out().contains("com.example.plugnet.layers"),
                r.both());
    }

    @Test
    void everyCommandRunsOnTheBundledExamples() throws Exception {
        Path model = dir.resolve("thyroid.json");
        Path plot = dir.resolve("thyroid.png");
        Result train = app("train", "--epochs", "25", "--out", model.toString(), "--plot", plot.toString());
        assertTrue(train.out().contains("held-out test"), train.out());
        assertTrue(Files.size(model) > 0 && Files.size(plot) > 0);
        assertTrue(app("evaluate", "--model", model.toString(), "--data", "thyroid").out().contains("accuracy"));
        Path predictions = dir.resolve("predictions.csv");
        app("predict", "--model", model.toString(), "--data", "thyroid", "--out", predictions.toString());
        assertEquals(216, Files.readAllLines(predictions).size(), "a header and one line per row");
        assertTrue(app("explain", "--model", model.toString(), "--no-shortcut").out().contains("GENERIC"));
        assertTrue(app("gradcheck", "--config", "iris").out().contains("0 failed"));
    }
}
