package dev.plugnet.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Compiles a plugin from source with the JDK's own {@code javac} and packs it into a jar, so that a test can
 * drop a real plugin jar (or a deliberately broken one) into a plugin folder.
 *
 * <pre>{@code
 * Path jar = PluginJarBuilder.create()
 *         .source("module-info.java", "module com.example.scale { requires dev.plugnet.api; provides … }")
 *         .source("com/example/ScaleProvider.java", "…")
 *         .modulePath(apiJar)
 *         .build(folder.resolve("scale.jar"));
 * }</pre>
 */
public final class PluginJarBuilder {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();
    private final List<Path> sourceTrees = new ArrayList<>();
    private final List<Path> modulePath = new ArrayList<>();
    private final List<Path> classPath = new ArrayList<>();
    private final Map<String, String> manifest = new LinkedHashMap<>();
    private String moduleVersion;

    private PluginJarBuilder() {
    }

    public static PluginJarBuilder create() {
        return new PluginJarBuilder();
    }

    /** @return this builder with one Java source file at {@code path} ({@code com/example/Foo.java}) */
    public PluginJarBuilder source(String path, String text) {
        sources.put(path, text);
        return this;
    }

    /** @return this builder with every {@code .java} file under {@code root} (a {@code src/main/java}) */
    public PluginJarBuilder sourceTree(Path root) {
        sourceTrees.add(root);
        return this;
    }

    /** @return this builder with a file packed as-is, for example {@code META-INF/services/…} */
    public PluginJarBuilder resource(String path, String text) {
        resources.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** @return this builder with every file under {@code root} (a {@code src/main/resources}) packed as-is */
    public PluginJarBuilder resourceTree(Path root) {
        if (!Files.isDirectory(root)) {
            return this;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                resources.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** @return this builder compiling against {@code entries} on the module path (the api jar or folder) */
    public PluginJarBuilder modulePath(Path... entries) {
        modulePath.addAll(List.of(entries));
        return this;
    }

    /** @return this builder compiling against {@code entries} on the class path (for a plain, non-module jar) */
    public PluginJarBuilder classPath(Path... entries) {
        classPath.addAll(List.of(entries));
        return this;
    }

    /** @return this builder compiling with {@code --module-version version} */
    public PluginJarBuilder moduleVersion(String version) {
        this.moduleVersion = version;
        return this;
    }

    /** @return this builder adding a main attribute to the jar's manifest */
    public PluginJarBuilder manifestAttribute(String name, String value) {
        manifest.put(name, value);
        return this;
    }

    /**
     * Compiles (with {@code --release 17}) and packs the jar.
     *
     * @return {@code jar}
     * @throws IllegalStateException with javac's output if compilation fails
     */
    public Path build(Path jar) {
        try {
            Path work = Files.createTempDirectory("plugnet-jar");
            Path src = work.resolve("src");
            Path classes = work.resolve("classes");
            List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                    "-proc:none", "-nowarn"));
            if (!modulePath.isEmpty()) {
                args.add("--module-path");
                args.add(String.join(java.io.File.pathSeparator, modulePath.stream().map(Path::toString).toList()));
            }
            if (!classPath.isEmpty()) {
                args.add("--class-path");
                args.add(String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
            }
            if (moduleVersion != null) {
                args.add("--module-version");
                args.add(moduleVersion);
            }
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
                args.add(file.toString());
            }
            for (Path tree : sourceTrees) {
                try (Stream<Path> files = Files.walk(tree)) {
                    files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> args.add(f.toString()));
                }
            }
            if (!sources.isEmpty() || !sourceTrees.isEmpty()) {
                ToolProvider javac = ToolProvider.findFirst("javac")
                        .orElseThrow(() -> new IllegalStateException("no javac in this runtime: run tests on a JDK"));
                ByteArrayOutputStream log = new ByteArrayOutputStream();
                PrintWriter w = new PrintWriter(log, true, StandardCharsets.UTF_8);
                int code = javac.run(w, w, args.toArray(String[]::new));
                if (code != 0) {
                    throw new IllegalStateException("javac failed (" + code + "):\n" + log.toString(StandardCharsets.UTF_8));
                }
            }
            Manifest mf = new Manifest();
            mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.forEach((k, v) -> mf.getMainAttributes().put(new Attributes.Name(k), v));
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, mf)) {
                if (Files.isDirectory(classes)) {
                    try (Stream<Path> files = Files.walk(classes)) {
                        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            put(out, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                        }
                    }
                }
                for (Map.Entry<String, byte[]> e : resources.entrySet()) {
                    put(out, e.getKey(), e.getValue());
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
