package dev.plugnet.core.plugins;

import dev.plugnet.api.ApiVersion;
import dev.plugnet.api.ConfigException;
import dev.plugnet.core.Plugnet;
import dev.plugnet.testkit.PluginJarBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plugin folders: each jar in its own child layer, each failure one warning naming the jar. */
class PluginJarsTest {
    @TempDir
    static Path work;

    static Path api;

    @BeforeAll
    static void locateApi() throws URISyntaxException {
        api = Path.of(ApiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** @return the source of a layer provider named {@code name} in package {@code pkg} (an identity layer) */
    static String provider(String pkg, String cls, String name, String constructorBody) {
        return "package " + pkg + ";\n"
                + "import dev.plugnet.api.*;\n"
                + "public final class " + cls + " implements LayerProvider {\n"
                + "  public " + cls + "() { " + constructorBody + " }\n"
                + "  public String name() { return \"" + name + "\"; }\n"
                + "  public String description() { return \"An identity layer for tests.\"; }\n"
                + "  public Layer create(LayerContext c) {\n"
                + "    int w = c.inputWidth();\n"
                + "    return new Layer() {\n"
                + "      public int inputWidth() { return w; }\n"
                + "      public int outputWidth() { return w; }\n"
                + "      public Matrix forward(Matrix x, boolean t) { Matrix.requireShape(\"input\", x, x.rows(), w); return x; }\n"
                + "      public Matrix backward(Matrix g, boolean n) { return n ? g : null; }\n"
                + "    };\n"
                + "  }\n"
                + "}\n";
    }

    /** @return a modular plugin jar providing one identity layer */
    static Path moduleJar(Path folder, String module, String layerName) {
        String pkg = module;
        return PluginJarBuilder.create()
                .source("module-info.java", "module " + module + " { requires dev.plugnet.api;"
                        + " provides dev.plugnet.api.LayerProvider with " + pkg + ".Provider; }")
                .source(pkg.replace('.', '/') + "/Provider.java", provider(pkg, "Provider", layerName, ""))
                .modulePath(api)
                .moduleVersion("0.3.0")
                .build(folder.resolve(module + ".jar"));
    }

    static Path folder(String name) throws Exception {
        return Files.createDirectories(work.resolve(name));
    }

    static String reasonFor(PluginRegistry registry, String jarName) {
        List<PluginWarning> w = registry.warnings().stream()
                .filter(x -> x.source().getFileName().toString().equals(jarName)).toList();
        assertEquals(1, w.size(), "one warning for " + jarName + ": " + registry.warnings());
        return w.get(0).reason();
    }

    @Test
    void aModularJarAndAPlainJarLoadIntoChildLayersWithTheirOrigin() throws Exception {
        Path folder = folder("good");
        Path modular = moduleJar(folder, "com.example.good", "good_layer");
        PluginJarBuilder.create()
                .source("com/example/plain/PlainProvider.java",
                        provider("com.example.plain", "PlainProvider", "plain_layer", ""))
                .resource("META-INF/services/dev.plugnet.api.LayerProvider", "com.example.plain.PlainProvider\n")
                .classPath(api)
                .build(folder.resolve("plain-layer-2.1.jar"));

        PluginRegistry registry = PluginRegistry.discover(List.of(folder));

        assertEquals(List.of(), registry.warnings());
        InstalledPlugin good = registry.find(PluginKind.LAYER, "good_layer").orElseThrow();
        assertEquals("com.example.good", good.module());
        assertEquals("0.3.0", good.version());
        assertEquals(modular.toRealPath().toString(), good.origin());
        Module module = good.provider().getClass().getModule();
        assertTrue(module.isNamed());
        assertTrue(module.getLayer() != ModuleLayer.boot(), "a child layer, not the boot layer");
        assertEquals(List.of(ModuleLayer.boot()), module.getLayer().parents());
        InstalledPlugin plain = registry.find(PluginKind.LAYER, "plain_layer").orElseThrow();
        assertEquals("plain.layer", plain.module(), "an automatic module, named after the jar");
        assertEquals("2.1", plain.version());
        assertTrue(registry.find(PluginKind.LAYER, "dense").isPresent(), "built-ins stay");
        assertEquals("built in", registry.find(PluginKind.LAYER, "dense").orElseThrow().origin());

        Plugnet plugnet = Plugnet.with(registry);
        var model = plugnet.assemble(plugnet.reader().read("{\"inputs\": 3, \"layers\": [{\"type\": \"good_layer\"},"
                + " {\"type\": \"plain_layer\"}, {\"type\": \"dense\", \"units\": 2, \"activation\": \"softmax\"}],"
                + " \"loss\": \"cross_entropy\", \"optimizer\": \"sgd\"}"));
        assertEquals(3, model.network().stages().size());
    }

    @Test
    void aJarWithAnInvalidModuleInfoIsAWarningAndTheOthersStillLoad() throws Exception {
        Path folder = folder("invalid");
        moduleJar(folder, "com.example.fine", "fine_layer");
        PluginJarBuilder.create().resource("module-info.class", "certainly not a class file")
                .build(folder.resolve("garbled.jar"));
        Files.writeString(folder.resolve("not-a-jar.jar"), "plain text, not a zip");

        PluginRegistry registry = PluginRegistry.discover(List.of(folder));

        assertTrue(reasonFor(registry, "garbled.jar").startsWith("not a valid module: "),
                reasonFor(registry, "garbled.jar"));
        assertTrue(reasonFor(registry, "not-a-jar.jar").startsWith("not a valid module: "));
        assertTrue(registry.find(PluginKind.LAYER, "fine_layer").isPresent());
    }

    @Test
    void aJarThatNeedsAnAbsentModuleIsAWarningNamingTheModule() throws Exception {
        Path elsewhere = folder("elsewhere");
        Path absent = PluginJarBuilder.create()
                .source("module-info.java", "module com.example.absent { exports com.example.absent; }")
                .source("com/example/absent/Helper.java", "package com.example.absent; public class Helper {}")
                .build(elsewhere.resolve("absent.jar"));
        Path folder = folder("needy");
        PluginJarBuilder.create()
                .source("module-info.java", "module com.example.needy { requires dev.plugnet.api;"
                        + " requires com.example.absent;"
                        + " provides dev.plugnet.api.LayerProvider with com.example.needy.Provider; }")
                .source("com/example/needy/Provider.java", provider("com.example.needy", "Provider", "needy", ""))
                .modulePath(api, absent)
                .build(folder.resolve("needy.jar"));
        moduleJar(folder, "com.example.fine2", "fine2");

        PluginRegistry registry = PluginRegistry.discover(List.of(folder));

        String reason = reasonFor(registry, "needy.jar");
        assertTrue(reason.startsWith("cannot be resolved: ") && reason.contains("com.example.absent"), reason);
        assertTrue(registry.find(PluginKind.LAYER, "needy").isEmpty());
        assertTrue(registry.find(PluginKind.LAYER, "fine2").isPresent());

        // with the library beside it, the same jar loads: plugin jars may depend on jars in the folder
        Files.copy(absent, folder.resolve("absent.jar"));
        PluginRegistry again = PluginRegistry.discover(List.of(folder));
        assertEquals(List.of(), again.warnings());
        assertTrue(again.find(PluginKind.LAYER, "needy").isPresent());
    }

    @Test
    void aJarThatSplitsAPackageIsAWarningAndTheOthersStillLoad() throws Exception {
        Path folder = folder("split");
        // a plain jar that puts a class into the api's own package
        PluginJarBuilder.create()
                .source("dev/plugnet/api/Sneaky.java", "package dev.plugnet.api; public class Sneaky {}")
                .source("com/example/sneaky/Provider.java", provider("com.example.sneaky", "Provider", "sneaky", ""))
                .resource("META-INF/services/dev.plugnet.api.LayerProvider", "com.example.sneaky.Provider\n")
                .classPath(api)
                .build(folder.resolve("sneaky.jar"));
        // a plugin whose package is also in the library it requires
        Path elsewhere = folder("split-elsewhere");
        Path library = PluginJarBuilder.create()
                .source("module-info.java", "module com.example.lib { exports com.example.lib; }")
                .source("com/example/shared/Inside.java", "package com.example.shared; public class Inside {}")
                .source("com/example/lib/Lib.java", "package com.example.lib; public class Lib {}")
                .build(elsewhere.resolve("lib.jar"));
        Files.copy(library, folder.resolve("lib.jar"));
        PluginJarBuilder.create()
                .source("module-info.java", "module com.example.splitter { requires dev.plugnet.api;"
                        + " requires com.example.lib;"
                        + " provides dev.plugnet.api.LayerProvider with com.example.shared.Provider; }")
                .source("com/example/shared/Provider.java", provider("com.example.shared", "Provider", "splitter", ""))
                .modulePath(api, library)
                .build(folder.resolve("splitter.jar"));
        moduleJar(folder, "com.example.fine3", "fine3");

        PluginRegistry registry = PluginRegistry.discover(List.of(folder));

        String sneaky = reasonFor(registry, "sneaky.jar");
        assertTrue(sneaky.contains("dev.plugnet.api"), sneaky);
        String splitter = reasonFor(registry, "splitter.jar");
        assertTrue(splitter.contains("com.example.shared"), splitter);
        assertTrue(registry.find(PluginKind.LAYER, "fine3").isPresent());
        assertEquals(2, registry.warnings().size(), registry.warnings().toString());
    }

    @Test
    void aProviderWhoseConstructorThrowsIsAWarningAndTheOthersStillLoad() throws Exception {
        Path folder = folder("throwing");
        PluginJarBuilder.create()
                .source("module-info.java", "module com.example.throwing { requires dev.plugnet.api;"
                        + " provides dev.plugnet.api.LayerProvider with com.example.throwing.Bad, com.example.throwing.Good; }")
                .source("com/example/throwing/Bad.java", provider("com.example.throwing", "Bad", "bad",
                        "if (true) throw new IllegalStateException(\"no licence key\");"))
                .source("com/example/throwing/Good.java", provider("com.example.throwing", "Good", "good_too", ""))
                .modulePath(api)
                .build(folder.resolve("throwing.jar"));

        PluginRegistry registry = PluginRegistry.discover(List.of(folder));

        String reason = reasonFor(registry, "throwing.jar");
        assertTrue(reason.contains("no licence key"), reason);
        PluginWarning w = registry.warnings().get(0);
        assertEquals("layer provider com.example.throwing.Bad in " + w.source(), w.subject(),
                "the provider is named, not the jar, whose other provider loads");
        assertTrue(registry.find(PluginKind.LAYER, "good_too").isPresent());
        assertTrue(registry.find(PluginKind.LAYER, "bad").isEmpty());
    }

    @Test
    void aPluginNamedLikeABuiltInOneIsSkippedWithAWarningNamingBothModulesAndTheJar() throws Exception {
        Path folder = folder("duplicate-builtin");
        Path jar = moduleJar(folder, "com.example.mydense", "dense");
        PluginRegistry registry = PluginRegistry.discover(List.of(folder));
        assertEquals("dev.plugnet.layers.dense", registry.find(PluginKind.LAYER, "dense").orElseThrow().module());
        assertEquals("the name is taken by the built-in layer plugin in module dev.plugnet.layers.dense",
                reasonFor(registry, jar.getFileName().toString()));
        assertTrue(registry.warnings().get(0).subject().contains("com.example.mydense (" + jar.toRealPath() + ")"),
                registry.warnings().toString());
    }

    @Test
    void twoJarsWithOnePluginNameAreBothSkippedWithOneWarningAndTheNameIsAnErrorOnlyWhereUsed() throws Exception {
        Path a = folder("twin-a");
        Path b = folder("twin-b");
        Path first = moduleJar(a, "com.example.twina", "twin");
        Path second = moduleJar(b, "com.example.twinb", "twin");
        PluginRegistry registry = PluginRegistry.discover(List.of(a, b));
        assertTrue(registry.find(PluginKind.LAYER, "twin").isEmpty());
        assertTrue(registry.find(PluginKind.LAYER, "dense").isPresent(), "nothing else is affected");
        assertEquals(1, registry.warnings().size(), registry.warnings().toString());
        String subject = registry.warnings().get(0).subject();
        assertTrue(subject.contains("com.example.twina (" + first.toRealPath() + ")")
                && subject.contains("com.example.twinb (" + second.toRealPath() + ")"), subject);
        String clash = registry.clash(PluginKind.LAYER, "twin").orElseThrow();
        assertTrue(clash.contains("com.example.twina (" + first.toRealPath() + ")")
                && clash.contains("com.example.twinb (" + second.toRealPath() + ")"), clash);
        assertTrue(registry.clash(PluginKind.ACTIVATION, "twin").isEmpty());
    }

    @Test
    void aPluginCompiledAgainstAnotherApiMajorVersionIsRefusedSayingWhichItNeeds() throws Exception {
        Path elsewhere = folder("api2");
        Path api2 = PluginJarBuilder.create().sourceTree(Path.of("../api/src/main/java")).moduleVersion("2.0.0")
                .build(elsewhere.resolve("plugnet-api-2.0.0.jar"));
        Path folder = folder("wrong-api");
        PluginJarBuilder.create()
                .source("module-info.java", "module com.example.future { requires dev.plugnet.api;"
                        + " provides dev.plugnet.api.LayerProvider with com.example.future.Provider; }")
                .source("com/example/future/Provider.java", provider("com.example.future", "Provider", "future", ""))
                .modulePath(api2)
                .build(folder.resolve("future.jar"));
        PluginJarBuilder.create()
                .source("com/example/old/Provider.java", provider("com.example.old", "Provider", "old", ""))
                .resource("META-INF/services/dev.plugnet.api.LayerProvider", "com.example.old.Provider\n")
                .manifestAttribute(ApiVersion.MANIFEST_ATTRIBUTE, "0.9.1")
                .classPath(api)
                .build(folder.resolve("old.jar"));
        moduleJar(folder, "com.example.current", "current");

        PluginRegistry registry = PluginRegistry.discover(List.of(folder));

        assertEquals("refused: compiled against plugnet api 2.0.0, so it needs api major version 2; this plugnet"
                + " has api 1.x — use a build of the plugin for api 1.x", reasonFor(registry, "future.jar"));
        assertTrue(reasonFor(registry, "old.jar").contains("api 0.9.1, so it needs api major version 0"));
        InstalledPlugin current = registry.find(PluginKind.LAYER, "current").orElseThrow();
        ModuleDescriptor.Requires requiresApi = current.provider().getClass().getModule().getDescriptor().requires()
                .stream().filter(r -> r.name().equals("dev.plugnet.api")).findFirst().orElseThrow();
        assertEquals(ApiVersion.MAJOR, ApiCompatibility.major(requiresApi.rawCompiledVersion().orElseThrow()),
                "javac recorded the api version the plugin was compiled against");
    }

    @Test
    void aMissingFolderAndAModuleAlreadyBuiltInAreWarnings() throws Exception {
        Path folder = folder("shadow");
        moduleJar(folder, "dev.plugnet.layers.dense", "dense");
        PluginRegistry registry = PluginRegistry.discover(List.of(folder, work.resolve("no-such-folder")));
        assertTrue(reasonFor(registry, "dev.plugnet.layers.dense.jar").contains("already loaded (built in)"));
        assertEquals("no such folder or jar", reasonFor(registry, "no-such-folder"));
        assertEquals(Set.of("dense"), registry.plugins(PluginKind.LAYER).keySet());
    }

    @Test
    void twoVersionsOfOneJarLoadTheFirstAndWarnAboutTheOtherOnce() throws Exception {
        Path folder = folder("versions");
        Path first = moduleJar(folder, "com.example.versioned", "versioned");
        Path second = java.nio.file.Files.copy(first, folder.resolve("com.example.versioned.v2.jar"));
        PluginRegistry registry = PluginRegistry.discover(List.of(folder));
        assertTrue(registry.find(PluginKind.LAYER, "versioned").isPresent());
        assertEquals("holds module com.example.versioned, which " + first + " already holds (two versions of one"
                + " plugin?); keep one of the jars", reasonFor(registry, second.getFileName().toString()));
    }
}
