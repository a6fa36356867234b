package dev.plugnet.core.hardening;

import dev.plugnet.api.ConfigException;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.model.ModelLimits;
import dev.plugnet.core.plugins.PluginRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.RandomAccessFile;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Configs written to attack or exhaust the reader (the Jackson polymorphic-typing CVE family, such as
 * CVE-2017-7525, and resource exhaustion): each is one clear {@link ConfigException}, nothing is loaded and
 * nothing is allocated.
 */
class HostileConfigTest {
    private static final Plugnet PLUGNET = Plugnet.with(PluginRegistry.discover(), ModelLimits.DEFAULTS);
    private static final String CANARY = "dev.plugnet.core.hardening.GadgetCanary";

    private static ConfigException refused(String json) {
        return assertThrows(ConfigException.class, () -> PLUGNET.assemble(PLUGNET.reader().read(json)));
    }

    @AfterAll
    static void noGadgetClassWasEverInitialised() {
        assertNull(System.getProperty("plugnet.test.gadget-canary"), "a config made plugnet load a class");
    }

    @ParameterizedTest
    @ValueSource(strings = {CANARY, "com.sun.rowset.JdbcRowSetImpl",
        "org.springframework.context.support.ClassPathXmlApplicationContext",
        "ch.qos.logback.core.db.DriverManagerConnectionSource", "java.lang.Runtime"})
    void aClassNameAsAPluginNameIsAnUnknownPlugin(String gadget) {
        ConfigException layer = refused("{\"inputs\": 2, \"layers\": [{\"type\": \"" + gadget + "\"}], \"loss\": \"mse\"}");
        assertEquals("layers[0].type", layer.location());
        assertTrue(layer.problem().startsWith("unknown layer \"" + gadget + "\"; installed layers: dense"), layer.problem());

        ConfigException activation = refused("{\"inputs\": 2, \"layers\": [{\"type\": \"dense\", \"units\": 2,"
                + " \"activation\": \"" + gadget + "\"}], \"loss\": \"mse\"}");
        assertEquals("layers[0].activation", activation.location());
        ConfigException loss = refused("{\"inputs\": 2, \"layers\": [{\"type\": \"dense\", \"units\": 2}],"
                + " \"loss\": {\"type\": \"" + gadget + "\"}}");
        assertEquals("loss.type", loss.location());
        ConfigException optimizer = refused("{\"inputs\": 2, \"layers\": [{\"type\": \"dense\", \"units\": 2}],"
                + " \"loss\": \"mse\", \"optimizer\": \"" + gadget + "\"}");
        assertTrue(optimizer.problem().startsWith("unknown optimizer"), optimizer.problem());
    }

    @Test
    void polymorphicTypeFieldsAreUnknownFieldsOrOptions() {
        assertEquals("@class", refused("{\"@class\": \"" + CANARY + "\", \"inputs\": 2,"
                + " \"layers\": [{\"type\": \"dense\", \"units\": 2}], \"loss\": \"mse\"}").location());
        ConfigException inLayer = refused("{\"inputs\": 2, \"layers\": [{\"@class\": \"" + CANARY + "\","
                + " \"type\": \"dense\", \"units\": 2}], \"loss\": \"mse\"}");
        assertEquals("layers[0].@class", inLayer.location());
        assertTrue(inLayer.problem().startsWith("unknown option"), inLayer.problem());
        ConfigException inLoss = refused("{\"inputs\": 2, \"layers\": [{\"type\": \"dense\", \"units\": 2}],"
                + " \"loss\": {\"type\": \"mse\", \"@type\": \"" + CANARY + "\"}}");
        assertEquals("loss.@type", inLoss.location());
    }

    @Test
    void defaultTypingArrayAndObjectWrappersAreNotPluginReferences() {
        ConfigException array = refused("{\"inputs\": 2, \"layers\": [{\"type\": \"dense\", \"units\": 2,"
                + " \"activation\": [\"" + CANARY + "\", {\"x\": 1}]}], \"loss\": \"mse\"}");
        assertEquals("layers[0].activation", array.location());
        assertEquals("expected a plugin name or an object with \"type\", got a list of 2", array.problem());
        ConfigException object = refused("{\"inputs\": 2, \"layers\": [{\"type\": \"dense\","
                + " \"units\": {\"" + CANARY + "\": {\"autoCommit\": true}}}], \"loss\": \"mse\"}");
        assertEquals("layers[0].units", object.location());
    }

    @Test
    void aHugeLayerIsRefusedBeforeAnythingIsAllocated() {
        ConfigException e = refused("{\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 2000000000}],"
                + " \"loss\": \"mse\"}");
        assertEquals("layers[0].units", e.location());
        assertEquals("the layer would be 2000000000 units wide; expected 1 to 1000000 (raise the limit with"
                + " -Dplugnet.max-width=N)", e.problem());
    }

    @Test
    void tooManyParametersInTotalIsRefusedBeforeAnythingIsAllocated() {
        ConfigException e = refused("{\"inputs\": 100000, \"layers\": [{\"type\": \"dense\", \"units\": 100000}],"
                + " \"loss\": \"mse\"}");
        assertEquals("layers[0].units", e.location());
        assertTrue(e.problem().startsWith("the model would have at least 10,000,100,000 parameters"), e.problem());
    }

    @Test
    void tooManyLayersIsRefused() {
        StringBuilder json = new StringBuilder("{\"inputs\": 2, \"loss\": \"mse\", \"layers\": [");
        for (int i = 0; i < 1001; i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\": \"dense\", \"units\": 2}");
        }
        ConfigException e = refused(json.append("]}").toString());
        assertEquals("layers", e.location());
        assertTrue(e.problem().startsWith("the model has 1001 layers; the limit is 1000"), e.problem());
    }

    @Test
    void deepNestingIsRefusedByTheParser() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        ConfigException e = refused("{\"inputs\": 2, \"layers\": [{\"type\": \"dense\", \"units\": 2, \"weights\": "
                + deep + "}], \"loss\": \"mse\"}");
        assertEquals("document", e.location());
        assertTrue(e.problem().startsWith("JSON nested deeper than the limit of 64"), e.problem());
    }

    @Test
    void aHundredMegabyteConfigIsRefusedWithoutBeingRead(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(100L << 20); // sparse: nothing is written, and plugnet must not read it
        }
        ConfigException e = assertThrows(ConfigException.class, () -> PLUGNET.reader().read(big));
        assertEquals(big.toString(), e.location());
        assertEquals("the model file is 104,857,600 bytes; the limit is 8,388,608 (raise it with"
                + " -Dplugnet.max-config-bytes=N)", e.problem());
    }

    @Test
    void limitsComeFromSystemPropertiesAndABadOneIsReported() {
        System.setProperty("plugnet.max-layers", "3");
        try {
            assertEquals(3, ModelLimits.fromSystemProperties().maxLayers());
            System.setProperty("plugnet.max-layers", "many");
            ConfigException e = assertThrows(ConfigException.class, ModelLimits::fromSystemProperties);
            assertEquals("-Dplugnet.max-layers: expected a positive integer, got \"many\"", e.getMessage());
        } finally {
            System.clearProperty("plugnet.max-layers");
        }
    }
}
