package dev.plugnet.app;

import dev.plugnet.api.ApiVersion;
import dev.plugnet.testkit.PluginJarBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failures stay with the plugin that caused them: a bug in a plugin's code is one line naming the plugin, its
 * kind, module, jar and place in the model (exit 1, the stack trace only with PLUGNET_DEBUG=1); two folder jars
 * with one plugin name are both skipped with one warning, and only a model that uses the name fails; a folder
 * plugin that reuses a built-in name is skipped; a throwing provider is reported as that provider.
 */
class PluginFailureTest {
    @TempDir
    static Path work;

    static Path api;
    static Path buggy;
    static Path clash;
    static Path shadow;

    private static final String MODEL = """
            {"format": 1, "name": "m", "inputs": 5,
             "layers": [{"type": "dense", "units": 4, "activation": "sigmoid"}, {"type": "%s"},
                        {"type": "dense", "units": 3, "activation": "softmax"}],
             "loss": "cross_entropy", "optimizer": {"type": "sgd"}, "training": {"epochs": 1}}
            """;

    /** A layer provider that throws when asked its name (package {@code com.example.buggy}). */
    static final String THROWING = """
                package com.example.buggy;
                public final class ThrowingProvider implements dev.plugnet.api.LayerProvider {
                    public String name() { throw new IllegalStateException("no name today"); }
                    public String description() { return "throws"; }
                    public dev.plugnet.api.Layer create(dev.plugnet.api.LayerContext c) { return null; }
                }
                """;

    /** An identity layer whose backward indexes past its gradient when {@code bug} is true. */
    static String layer(String pkg, String className, String name, boolean bug) {
        return """
                package %s;
                import dev.plugnet.api.*;
                public final class %s implements LayerProvider {
                    public String name() { return "%s"; }
                    public String description() { return "identity"; }
                    public Layer create(LayerContext c) {
                        int width = c.inputWidth();
                        return new Layer() {
                            public int inputWidth() { return width; }
                            public int outputWidth() { return width; }
                            public Matrix forward(Matrix x, boolean training) { return x; }
                            public Matrix backward(Matrix g, boolean need) {
                                if (%s) { double[] d = new double[3]; d[9] = 1; }
                                return g;
                            }
                        };
                    }
                }
                """.formatted(pkg, className, name, bug);
    }

    private static Path jar(String dir, String module, String pkg, String... sources) throws Exception {
        return jar(Files.createDirectories(work.resolve(dir)), api, module, pkg, sources);
    }

    /**
     * Builds a plugin jar {@code folder/module.jar} of layer providers, 1.0.0.
     *
     * @param sources pairs of a class's simple name in {@code pkg} and its source
     */
    static Path jar(Path folder, Path api, String module, String pkg, String... sources) throws Exception {
        PluginJarBuilder b = PluginJarBuilder.create().modulePath(api).moduleVersion("1.0.0");
        StringBuilder provides = new StringBuilder();
        for (int i = 0; i < sources.length; i += 2) {
            b.source(pkg.replace('.', '/') + "/" + sources[i] + ".java", sources[i + 1]);
            provides.append(provides.length() == 0 ? "" : ", ").append(pkg).append('.').append(sources[i]);
        }
        b.source("module-info.java", "module " + module + " { requires dev.plugnet.api;"
                + " provides dev.plugnet.api.LayerProvider with " + provides + "; }");
        return b.build(folder.resolve(module + ".jar"));
    }

    @BeforeAll
    static void buildThePlugins() throws Exception {
        api = Path.of(ApiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String throwing = THROWING;

        buggy = jar("buggy", "com.example.buggy", "com.example.buggy",
                "BuggyProvider", layer("com.example.buggy", "BuggyProvider", "buggy_identity", true),
                "ThrowingProvider", throwing);
        jar("clash", "com.example.one", "com.example.one", "SwishProvider",
                layer("com.example.one", "SwishProvider", "swish", false));
        jar("clash", "com.example.two", "com.example.two", "SwishProvider",
                layer("com.example.two", "SwishProvider", "swish", false));
        clash = work.resolve("clash");
        shadow = jar("shadow", "com.example.shadow", "com.example.shadow", "DenseProvider",
                layer("com.example.shadow", "DenseProvider", "dense", false)).getParent();
    }

    private static Cli.Result run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        int code = Main.commandLine(o, e, environment::get).execute(args);
        o.flush();
        e.flush();
        return new Cli.Result(code, out.toString(), err.toString());
    }

    private static Path model(String layer) throws Exception {
        Path file = work.resolve(layer + ".json");
        Files.writeString(file, MODEL.formatted(layer));
        return file;
    }

    @Test
    void aBugInALayerIsOneLineNamingThePluginItsModuleJarAndPlace() throws Exception {
        Cli.Result r = run(Map.of(), "--plugins", buggy.getParent().toString(), "train", "--config",
                model("buggy_identity").toString(), "--data", "thyroid", "--out", work.resolve("out.json").toString());
        assertEquals(ExitCodes.FAILED, r.code(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals("plugnet: warning: layer provider com.example.buggy.ThrowingProvider in " + buggy
                + " skipped: failed while loading: no name today", lines[0]);
        assertEquals("plugnet: layers[1] (buggy_identity layer, com.example.buggy from " + buggy + ") failed in"
                + " backward: ArrayIndexOutOfBoundsException: Index 9 out of bounds for length 3",
                lines[lines.length - 1]);
        assertFalse(r.err().contains("internal error"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without PLUGNET_DEBUG: " + r.err());
        assertFalse(Files.exists(work.resolve("out.json")));
    }

    @Test
    void withPlugnetDebugTheStackTraceFollowsAndNoAdviceToSetIt() throws Exception {
        Cli.Result r = run(Map.of("PLUGNET_DEBUG", "1"), "--plugins", buggy.getParent().toString(), "explain",
                "--config", model("buggy_identity").toString());
        assertEquals(ExitCodes.FAILED, r.code(), r.err());
        assertTrue(r.err().contains("plugnet: layers[1] (buggy_identity layer, com.example.buggy from " + buggy
                + ") failed in backward: ArrayIndexOutOfBoundsException"), r.err());
        assertTrue(r.err().contains("com.example.buggy.BuggyProvider$1.backward(BuggyProvider.java"), r.err());
        assertFalse(r.err().contains("set PLUGNET_DEBUG"), r.err());
    }

    @Test
    void twoJarsNamingOnePluginAreBothSkippedAndOnlyAModelUsingTheNameFails() throws Exception {
        Cli.Result builtInOnly = run(Map.of(), "--plugins", clash.toString(), "gradcheck", "--config", "thyroid");
        assertEquals(ExitCodes.OK, builtInOnly.code(), builtInOnly.err());
        String warning = "plugnet: warning: layer plugins named \"swish\" in module com.example.one ("
                + clash.resolve("com.example.one.jar") + ") and module com.example.two ("
                + clash.resolve("com.example.two.jar") + ") skipped: two layer plugins cannot share a name, so"
                + " neither is loaded; remove one of the jars (the jars' other plugins still load)";
        assertEquals(warning, builtInOnly.err().strip());

        Cli.Result uses = run(Map.of(), "--plugins", clash.toString(), "gradcheck", "--config",
                model("swish").toString());
        assertEquals(ExitCodes.BAD_INPUT, uses.code(), uses.err());
        String[] lines = uses.err().strip().split("\n");
        assertEquals(2, lines.length, uses.err());
        assertTrue(lines[1].contains("layers[1].type: 2 layer plugins are named \"swish\": module com.example.one ("
                + clash.resolve("com.example.one.jar") + "), module com.example.two (" + clash.resolve(
                "com.example.two.jar") + "); neither is loaded, so remove all but one of the jars"), lines[1]);
    }

    @Test
    void aFolderPluginReusingABuiltInNameIsSkippedWithAWarning() {
        Cli.Result r = run(Map.of(), "--plugins", shadow.toString(), "gradcheck", "--config", "thyroid");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals("plugnet: warning: layer plugin \"dense\" in module com.example.shadow ("
                + shadow.resolve("com.example.shadow.jar") + ") skipped: the name is taken by the built-in layer"
                + " plugin in module dev.plugnet.layers.dense", r.err().strip());
    }

    @Test
    void aCheckpointWarnsOfAnotherPluginVersionAndItsMissingPluginAdviceFitsTheLauncher() throws Exception {
        Path v1 = work.resolve("v1");
        Path v2 = work.resolve("v2");
        Files.createDirectories(v1);
        Files.createDirectories(v2);
        for (var version : Map.of(v1, "1.0.0", v2, "1.1.0").entrySet()) {
            PluginJarBuilder.create().modulePath(api).moduleVersion(version.getValue())
                    .source("com/example/pass/PassProvider.java", layer("com.example.pass", "PassProvider", "pass", false))
                    .source("module-info.java", "module com.example.pass { requires dev.plugnet.api;"
                            + " provides dev.plugnet.api.LayerProvider with com.example.pass.PassProvider; }")
                    .build(version.getKey().resolve("pass.jar"));
        }
        Path checkpoint = work.resolve("pass-checkpoint.json");
        Cli.Result trained = run(Map.of(), "--plugins", v1.toString(), "train", "--config", model("pass").toString(),
                "--data", "thyroid", "--out", checkpoint.toString());
        assertEquals(ExitCodes.OK, trained.code(), trained.err());

        Cli.Result newer = run(Map.of(), "--plugins", v2.toString(), "evaluate", "--model", checkpoint.toString(),
                "--data", "thyroid");
        assertEquals(ExitCodes.OK, newer.code(), newer.err());
        assertEquals("plugnet: warning: " + checkpoint + " was written with layer \"pass\" 1.0.0 (module"
                + " com.example.pass); installed is 1.1.0 (module com.example.pass, " + v2.resolve("pass.jar")
                + "): results may differ", newer.err().strip());

        Cli.Result missing = run(Map.of(), "predict", "--model", checkpoint.toString(), "--data", "thyroid");
        assertEquals(ExitCodes.BAD_INPUT, missing.code(), missing.err());
        assertEquals("plugnet: " + checkpoint + ": needs plugins that are not installed: layer \"pass\" (module"
                + " com.example.pass@1.0.0); add their jars with --plugins DIR (a folder of jars), $PLUGNET_PLUGINS"
                + " or ./plugins, or put them on the module path", missing.errLine());
        System.setProperty("plugnet.launcher", "./plugnet");
        try {
            Cli.Result launched = run(Map.of(), "predict", "--model", checkpoint.toString(), "--data", "thyroid");
            assertTrue(launched.errLine().endsWith("; add their jars with ./plugnet --plugins DIR … (a folder of"
                    + " jars), or copy them into ./plugins"), launched.err());
        } finally {
            System.clearProperty("plugnet.launcher");
        }
    }

    @Test
    void everyCommandRefusesBadOptimizerOptionsNamingTheFile() throws Exception {
        Path file = work.resolve("bad-optimizer.json");
        Files.writeString(file, """
                {"format": 1, "name": "m", "inputs": 5,
                 "layers": [{"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy", "optimizer": {"type": "sgd", "learning_rate": -1}}
                """);
        for (String command : new String[] {"train", "gradcheck", "explain"}) {
            Cli.Result r = run(Map.of(), command, "--config", file.toString());
            assertEquals(ExitCodes.BAD_INPUT, r.code(), command + ": " + r.err());
            assertEquals("plugnet: " + file + " optimizer.learning_rate: expected a number > 0, got -1", r.errLine(),
                    command);
        }
    }
}
