package dev.plugnet.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README's "Using plugnet from Java" program is {@code examples/embedding}'s, word for word (which
 * {@code EmbeddingExampleIT} compiles and runs on the module path and the class path), and the coordinates it
 * gives are the example pom's.
 */
class EmbeddingReadmeTest {
    static final String PACKAGE = "package com.example.embedding;";
    private static final Path EXAMPLE = Path.of(System.getProperty("plugnet.examples", "../examples"), "embedding");

    @Test
    void theReadmeShowsTheExampleProgramAsItIs() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher m = Pattern.compile("```java\\n(" + Pattern.quote(PACKAGE) + ".*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README shows examples/embedding's program");
        assertEquals(Files.readString(EXAMPLE.resolve("src/main/java/com/example/embedding/ThyroidExample.java")),
                m.group(1));
        String pom = Files.readString(EXAMPLE.resolve("pom.xml"));
        for (String artifact : new String[] {"plugnet-core", "plugnet-layers-dense", "plugnet-activations",
                "plugnet-losses-standard", "plugnet-losses-shortcut", "plugnet-optimizers", "plugnet-compute-java"}) {
            assertTrue(pom.contains("<artifactId>" + artifact + "</artifactId>"), artifact);
            int section = readme.indexOf("## Using plugnet from Java");
            assertTrue(readme.indexOf(artifact, section) > 0, "README names " + artifact);
        }
    }
}
