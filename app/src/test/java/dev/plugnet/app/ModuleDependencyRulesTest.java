package dev.plugnet.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN.md's arrows, checked on the sources: {@code api} requires nothing, plugins require only {@code api},
 * {@code core} requires no plugin, and no pom gives core or a plugin a compile dependency it must not have.
 */
class ModuleDependencyRulesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> PLUGIN_DIRS = List.of("layers-dense", "activations", "losses/standard",
            "losses/softmax-ce-shortcut", "optimizers");
    private static final Pattern REQUIRES = Pattern.compile("^\\s*requires\\s+(?:transitive\\s+|static\\s+)*([\\w.]+)\\s*;",
            Pattern.MULTILINE);
    private static final Pattern MODULE = Pattern.compile("^\\s*(?:open\\s+)?module\\s+([\\w.]+)", Pattern.MULTILINE);

    private static String moduleInfo(String dir) throws IOException {
        return Files.readString(ROOT.resolve(dir).resolve("src/main/java/module-info.java"))
                .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }

    private static List<String> requires(String dir) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = REQUIRES.matcher(moduleInfo(dir));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String moduleName(String dir) throws IOException {
        Matcher m = MODULE.matcher(moduleInfo(dir));
        assertTrue(m.find(), dir + " declares a module");
        return m.group(1);
    }

    /** @return the artifactIds of a pom's dependencies that are not test-scoped */
    private static List<String> mainDependencies(String dir) throws IOException {
        String pom = Files.readString(ROOT.resolve(dir).resolve("pom.xml"));
        String deps = pom.contains("<dependencies>") ? pom.substring(pom.indexOf("<dependencies>"),
                pom.indexOf("</dependencies>")) : "";
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)<dependency>(.*?)</dependency>").matcher(deps);
        while (m.find()) {
            String d = m.group(1);
            if (!d.contains("<scope>test</scope>")) {
                Matcher a = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(d);
                assertTrue(a.find());
                out.add(a.group(1));
            }
        }
        return out;
    }

    @Test
    void apiRequiresNothingButJavaBase() throws IOException {
        assertEquals(List.of(), requires("api"));
        assertEquals(List.of(), mainDependencies("api"));
    }

    @Test
    void pluginsRequireOnlyTheApi() throws IOException {
        for (String dir : PLUGIN_DIRS) {
            assertEquals(List.of("dev.plugnet.api"), requires(dir), dir + "/module-info.java");
            assertEquals(List.of("plugnet-api"), mainDependencies(dir), dir + "/pom.xml");
        }
    }

    @Test
    void coreAndApiNeverDependOnAPlugin() throws IOException {
        Map<String, String> pluginModules = new TreeMap<>();
        for (String dir : PLUGIN_DIRS) {
            pluginModules.put(moduleName(dir), dir);
        }
        for (String dir : List.of("api", "core", "app")) {
            for (String required : requires(dir)) {
                assertTrue(!pluginModules.containsKey(required), dir + " requires plugin module " + required);
            }
        }
        for (String dep : mainDependencies("core")) {
            assertTrue(!dep.startsWith("plugnet-") || dep.equals("plugnet-api"), "core depends on " + dep);
        }
    }

    @Test
    void noMainSourceOfCoreOrAppImportsAPluginPackage() throws IOException {
        List<String> pluginPackages = new ArrayList<>();
        for (String dir : PLUGIN_DIRS) {
            pluginPackages.add(moduleName(dir));
        }
        for (String dir : List.of("api", "core", "app")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(dir).resolve("src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    for (String pkg : pluginPackages) {
                        assertTrue(!text.contains("import " + pkg + "."), f + " imports from plugin " + pkg);
                    }
                }
            }
        }
    }

    @Test
    void everyPluginModuleDeclaresItsProvidersBothWays() throws IOException {
        Pattern provides = Pattern.compile("provides\\s+([\\w.]+)\\s+with\\s+([^;]+);");
        for (String dir : PLUGIN_DIRS) {
            Matcher m = provides.matcher(moduleInfo(dir));
            int count = 0;
            while (m.find()) {
                count++;
                Path services = ROOT.resolve(dir).resolve("src/main/resources/META-INF/services").resolve(m.group(1));
                assertTrue(Files.exists(services), dir + " ships " + services);
                String listed = Files.readString(services);
                for (String impl : m.group(2).split(",")) {
                    assertTrue(listed.contains(impl.trim()), services + " lists " + impl.trim());
                }
            }
            assertTrue(count > 0, dir + " provides something");
        }
    }
}
