package dev.plugnet.app;

import dev.plugnet.api.ApiVersion;
import dev.plugnet.testkit.LayerCheck;
import dev.plugnet.testkit.PluginJarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin archetype's project (archetype/src/main/resources/archetype-resources), with its properties filled in
 * as {@code mvn archetype:generate} fills them, builds green: its sources compile into a plugin jar with its
 * module-info and service file, its testkit test passes, and plugnet loads the jar and gradchecks a model that
 * uses it. (Generating with Maven itself needs the archetype and plugnet's artifacts installed in a repository,
 * which a build must not do; the README shows the commands.)
 */
class ArchetypeTemplateTest {
    private static final Path TEMPLATE = Path.of("../archetype/src/main/resources/archetype-resources");
    private static final Map<String, String> PROPERTIES = Map.of("${package}", "com.outsider.gain",
            "${className}", "FeatureGain", "${pluginName}", "feature_gain", "${moduleName}", "com.outsider.gain",
            "${groupId}", "com.outsider", "${artifactId}", "gain-plugin", "${version}", "0.1.0",
            "${plugnetVersion}", "1.0.0-SNAPSHOT");

    @TempDir
    Path work;

    private static String fill(String text) {
        for (Map.Entry<String, String> e : PROPERTIES.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text;
    }

    private static Path location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void theGeneratedProjectBuildsPassesItsTestAndLoadsAsAPlugin() throws Exception {
        assertTrue(fill(Files.readString(TEMPLATE.resolve("pom.xml"))).contains("<artifactId>plugnet-testkit</artifactId>"));
        Path api = location(ApiVersion.class);
        PluginJarBuilder plugin = PluginJarBuilder.create().modulePath(api).moduleVersion("0.1.0");
        PluginJarBuilder tests = PluginJarBuilder.create()
                .classPath(api, location(LayerCheck.class), location(Test.class));
        try (Stream<Path> files = Files.walk(TEMPLATE.resolve("src"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = TEMPLATE.resolve("src").relativize(file).toString().replace('\\', '/');
                String text = fill(Files.readString(file));
                String name = file.getFileName().toString().replace("__className__", "FeatureGain");
                if (relative.startsWith("main/java/") && !name.equals("module-info.java")) {
                    plugin.source("com/outsider/gain/" + name, text);
                    tests.source("com/outsider/gain/" + name, text);
                } else if (name.equals("module-info.java")) {
                    plugin.source(name, text);
                } else if (relative.startsWith("main/resources/")) {
                    plugin.resource(relative.substring("main/resources/".length()), text);
                } else {
                    tests.source("com/outsider/gain/" + name, text);
                }
            }
        }
        Path folder = Files.createDirectories(work.resolve("plugins"));
        plugin.build(folder.resolve("gain-plugin-0.1.0.jar"));
        Path testJar = tests.build(work.resolve("tests.jar"));
        URL[] urls = {testJar.toUri().toURL(), api.toUri().toURL(), location(LayerCheck.class).toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader(urls, null)) {
            Class<?> test = loader.loadClass("com.outsider.gain.FeatureGainProviderTest");
            var constructor = test.getDeclaredConstructor();
            constructor.setAccessible(true);
            var method = test.getDeclaredMethod("passesTheLayerCheck");
            method.setAccessible(true);
            method.invoke(constructor.newInstance());
        }

        Cli.Result listed = Cli.run("--plugins", folder.toString(), "plugins");
        assertEquals(0, listed.code(), listed.err());
        assertTrue(listed.out().contains("feature_gain") && listed.out().contains("com.outsider.gain"), listed.out());
        Path model = work.resolve("model.json");
        Files.writeString(model, """
                {"format": 1, "name": "gain", "inputs": 5,
                 "layers": [{"type": "feature_gain"}, {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy"}
                """);
        Cli.Result gradcheck = Cli.run("--plugins", folder.toString(), "gradcheck", "--config", model.toString());
        assertEquals(0, gradcheck.code(), gradcheck.out() + gradcheck.err());
        assertTrue(gradcheck.out().contains("PASS  layers[0].g"), gradcheck.out());
    }
}
