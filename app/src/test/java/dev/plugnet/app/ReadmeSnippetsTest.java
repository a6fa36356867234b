package dev.plugnet.app;

import dev.plugnet.api.ApiVersion;
import dev.plugnet.core.plugins.PluginRegistry;
import dev.plugnet.testkit.LayerCheck;
import dev.plugnet.testkit.PluginJarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Java snippet of README.md is compiled and run, so the README cannot drift from the api (the Spark
 * example, which needs Spark, is run by the spark module's {@code SparkReadmeExampleTest}): the plugin
 * classes (package {@code com.example}) with the module declaration become a real plugin jar that plugnet
 * loads and trains with; the statement snippets (the testkit checks) run against the plugin classes and
 * plugnet's own plugins, so the README's plugins pass the testkit.
 */
class ReadmeSnippetsTest {
    private static final Path README = Path.of("../README.md");
    private static final Pattern JAVA = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("public final class (\\w+)");
    private static final String CLASS_IMPORTS = """
            package com.example;
            import dev.plugnet.api.*;
            import dev.plugnet.api.support.*;
            import java.util.*;
            import java.util.function.*;
            """;
    private static final String CHECK_IMPORTS = CLASS_IMPORTS + """
            import dev.plugnet.testkit.*;
            import dev.plugnet.activations.*;
            import dev.plugnet.losses.*;
            import dev.plugnet.losses.shortcut.*;
            import dev.plugnet.optimizers.*;
            """;

    @TempDir
    Path work;

    @Test
    void everyJavaSnippetCompilesAndRuns() throws Exception {
        List<String> snippets = new ArrayList<>();
        Matcher m = JAVA.matcher(Files.readString(README));
        int spark = 0;
        while (m.find()) {
            if (m.group(1).contains("import org.apache.spark.")) {
                spark++; // the Spark example needs Spark: the spark module's SparkReadmeExampleTest runs it
            } else if (m.group(1).startsWith(EmbeddingReadmeTest.PACKAGE)) {
                continue; // examples/embedding, word for word (EmbeddingReadmeTest), run by EmbeddingExampleIT
            } else {
                snippets.add(m.group(1));
            }
        }
        assertTrue(spark <= 1, "one Spark snippet, run by SparkReadmeExampleTest");
        assertTrue(snippets.size() >= 4, "README has " + snippets.size() + " Java snippets");
        Path api = location(ApiVersion.class);
        PluginJarBuilder plugin = PluginJarBuilder.create().modulePath(api).moduleVersion("1.0.0");
        PluginJarBuilder checks = PluginJarBuilder.create();
        StringBuilder statements = new StringBuilder();
        List<String> layers = new ArrayList<>();
        List<String> activations = new ArrayList<>();
        int classes = 0;
        int modules = 0;
        for (String snippet : snippets) {
            Matcher c = CLASS.matcher(snippet);
            if (snippet.startsWith("module ")) {
                plugin.source("module-info.java", snippet);
                modules++;
            } else if (c.find()) {
                String source = CLASS_IMPORTS + snippet;
                plugin.source("com/example/" + c.group(1) + ".java", source);
                checks.source("com/example/" + c.group(1) + ".java", source);
                (snippet.contains("implements LayerProvider") ? layers : activations).add("com.example." + c.group(1));
                classes++;
            } else {
                statements.append(snippet).append('\n');
            }
        }
        assertEquals(1, modules, "one module declaration");
        assertTrue(classes >= 2 && statements.length() > 0, "plugin classes and statements");
        plugin.resource("META-INF/services/dev.plugnet.api.LayerProvider", String.join("\n", layers) + "\n");
        plugin.resource("META-INF/services/dev.plugnet.api.ActivationProvider", String.join("\n", activations) + "\n");
        Path folder = Files.createDirectories(work.resolve("plugins"));
        plugin.build(folder.resolve("scale.jar"));

        // the statements, run on the class path (a loader of their own, under the boot loader: plugnet's
        // modules would otherwise answer for their packages, which they do not export) beside the README's classes, the testkit and plugnet's plugins
        Set<Path> path = new LinkedHashSet<>(List.of(api, location(LayerCheck.class)));
        PluginRegistry.discover().all().forEach(p -> path.add(location(p.provider().getClass())));
        checks.source("com/example/ReadmeChecks.java", CHECK_IMPORTS
                + "public final class ReadmeChecks {\n    public static void run() throws Exception {\n"
                + statements + "    }\n}\n");
        checks.classPath(path.toArray(Path[]::new));
        Path jar = checks.build(work.resolve("checks.jar"));
        List<URL> urls = new ArrayList<>(List.of(jar.toUri().toURL()));
        for (Path p : path) {
            urls.add(p.toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
            loader.loadClass("com.example.ReadmeChecks").getMethod("run").invoke(null);
        }

        // and the plugin jar works in plugnet: listed, trained, explained with its formulas
        Cli.Result listed = Cli.run("--plugins", folder.toString(), "plugins");
        assertEquals(0, listed.code(), listed.err());
        assertTrue(listed.out().contains("scale") && listed.out().contains("swish"), listed.out());
        Path model = work.resolve("model.json");
        Files.writeString(model, """
                {"format": 1, "name": "readme", "inputs": 5,
                 "layers": [{"type": "dense", "units": 4, "activation": "swish"}, {"type": "scale", "factor": 3},
                            {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy", "optimizer": {"type": "adam", "learning_rate": 0.01},
                 "training": {"epochs": 2}}
                """);
        Cli.Result trained = Cli.run("--plugins", folder.toString(), "train", "--config", model.toString(),
                "--data", "thyroid", "--out", work.resolve("readme.json").toString());
        assertEquals(0, trained.code(), trained.err());
        Cli.Result explained = Cli.run("--plugins", folder.toString(), "explain", "--config", model.toString());
        assertEquals(0, explained.code(), explained.err());
        assertTrue(explained.out().contains("swish(a1) = a1 · σ(a1)"), explained.out());
        assertTrue(explained.out().contains("scale(z1) = factor · z1"), explained.out());
        Cli.Result gradcheck = Cli.run("--plugins", folder.toString(), "gradcheck", "--config", model.toString());
        assertEquals(0, gradcheck.code(), gradcheck.out() + gradcheck.err());
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
