package dev.plugnet.app;

import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every installed compute backend that starts on this machine, and {@code auto}: the reference cases on both
 * backward paths, gradcheck on the bundled networks and on one whose products are split across threads, and
 * the reports naming the backend.
 */
class EveryComputeBackendTest {
    private static final String FIXTURES = System.getProperty("plugnet.fixtures",
            Path.of("..", "core", "src", "test", "resources", "fixtures").toString());

    @TempDir
    Path dir;

    private static List<String> backends() {
        List<String> names = new ArrayList<>(List.of("auto"));
        names.addAll(PluginRegistry.discover().plugins(PluginKind.COMPUTE).keySet());
        return names;
    }

    @Test
    void javaAndOpenblasAreInstalled() {
        assertTrue(backends().containsAll(List.of("auto", "java", "openblas")), backends().toString());
    }

    @Test
    void everyReferenceCaseMatchesOnEveryBackendOnBothPaths() {
        for (String backend : backends()) {
            Cli.Result r = Cli.run("verify-reference", "--compute", backend, FIXTURES);
            assertEquals(0, r.code(), backend + ": " + r.out() + r.err());
            assertTrue(r.out().contains(" 0 failed, 0 skipped, 0 unreadable"), r.out());
            assertRanOn(backend, r);
        }
    }

    @Test
    void gradcheckPassesOnEveryBackend() {
        for (String backend : backends()) {
            for (boolean shortcut : new boolean[] {true, false}) {
                List<String> args = new ArrayList<>(List.of("--compute", backend, "gradcheck", "--config", "thyroid"));
                if (!shortcut) {
                    args.add("--no-shortcut");
                }
                Cli.Result r = Cli.run(args.toArray(String[]::new));
                assertEquals(0, r.code(), backend + ": " + r.out() + r.err());
                assertTrue(r.out().contains("gradcheck: 4 passed, 0 failed"), r.out());
            }
        }
    }

    @Test
    void gradcheckPassesOnEveryBackendWithProductsSplitAcrossThreads() throws Exception {
        Path config = dir.resolve("split.json");
        // B = 64 rows: 64·128·96 multiply-adds in the first layer's products, above the threshold for threads
        Files.writeString(config, """
                {"format": 1, "name": "split", "inputs": 128,
                 "layers": [{"type": "dense", "units": 96, "activation": "tanh"},
                            {"type": "dense", "units": 10, "activation": "softmax"}],
                 "loss": "cross_entropy", "optimizer": "sgd", "seed": 3}
                """);
        for (String backend : backends()) {
            Cli.Result r = Cli.run("gradcheck", "--compute", backend, "--config", config.toString(), "--rows", "64");
            assertEquals(0, r.code(), backend + ": " + r.out() + r.err());
            assertTrue(r.out().contains("gradcheck: 4 passed, 0 failed"), r.out());
        }
    }

    @Test
    void aModelFileChoosesItsBackendAndTheCommandLineOverridesIt() throws Exception {
        Path config = dir.resolve("m.json");
        Files.writeString(config, """
                {"format": 1, "name": "m", "inputs": 5,
                 "layers": [{"type": "dense", "units": 4, "activation": "sigmoid"},
                            {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy", "optimizer": "adam",
                 "training": {"epochs": 2, "compute": "java"}}
                """);
        Cli.Result fromFile = Cli.run("train", "--config", config.toString(), "--data", "thyroid",
                "--out", dir.resolve("a.json").toString());
        assertEquals(0, fromFile.code(), fromFile.err());
        assertTrue(fromFile.out().contains("compute: java, "), fromFile.out());
        Cli.Result overridden = Cli.run("train", "--config", config.toString(), "--data", "thyroid",
                "--compute", "openblas", "--threads", "1", "--out", dir.resolve("b.json").toString());
        assertEquals(0, overridden.code(), overridden.err());
        assertTrue(overridden.out().contains("compute: openblas, 1 thread (") || overridden.err().contains("warning"),
                overridden.out() + overridden.err());
        assertTrue(Files.readString(dir.resolve("a.json")).contains("\"compute\""), "the checkpoint keeps the choice");
    }

    @Test
    void anUnknownBackendIsOneLineNamingTheChoices() {
        Cli.Result r = Cli.run("--compute", "cuda", "verify-reference", FIXTURES);
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("plugnet: --compute: no compute backend \"cuda\" is installed; choose one of: auto, java,"
                + " openblas", r.errLine());
    }

    @Test
    void benchNamesTheBackendAndItsThreads() {
        Cli.Result r = Cli.run("bench", "--workload", "seed", "--compute", "java", "--threads", "1",
                "--seconds", "0.05", "--windows", "1", "--warmup", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("compute java, 1 thread,"), r.out());
        assertTrue(r.out().contains("  compute     packed pure-Java kernels"), r.out());
    }

    private static void assertRanOn(String backend, Cli.Result r) {
        boolean warned = r.err().contains("plugnet: warning: compute backend");
        assertTrue(r.out().contains("compute: " + (warned && !backend.equals("auto") ? "java" : backend) + ", "),
                r.out() + r.err());
    }
}
