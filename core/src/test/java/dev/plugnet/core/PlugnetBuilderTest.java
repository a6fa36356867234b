package dev.plugnet.core;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Layer;
import dev.plugnet.api.LayerContext;
import dev.plugnet.api.LayerProvider;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.PluginProvider;
import dev.plugnet.core.plugins.InstalledPlugin;
import dev.plugnet.core.plugins.PluginKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlugnetBuilderTest {
    /** A layer from the application's own class path: multiplies every input by a constant. */
    static final class ScaleProvider implements LayerProvider {
        private final String name;

        ScaleProvider(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public String description() {
            return "Multiplies every input by a constant.";
        }

        public List<OptionSpec> options() {
            return List.of(OptionSpec.number("factor", 2.0, "the constant"));
        }

        public Layer create(LayerContext context) {
            double factor = context.options().number("factor");
            int width = context.inputWidth();
            return new Layer() {
                public int inputWidth() {
                    return width;
                }

                public int outputWidth() {
                    return width;
                }

                public Matrix forward(Matrix x, boolean training) {
                    return x.mapInto(v -> v * factor, Matrix.zeros(x.rows(), width));
                }

                public Matrix backward(Matrix g, boolean needInputGradient) {
                    return needInputGradient ? g.mapInto(v -> v * factor, Matrix.zeros(g.rows(), width)) : null;
                }
            };
        }
    }

    @Test
    void aProviderRegisteredInCodeTrainsLikeADiscoveredOne() {
        try (Plugnet plugnet = Plugnet.builder().register(new ScaleProvider("scale")).computeThreads(2).build()) {
            InstalledPlugin scale = plugnet.registry().find(PluginKind.LAYER, "scale").orElseThrow();
            assertEquals(InstalledPlugin.REGISTERED, scale.origin());
            assertEquals(2, plugnet.products().threads());
            var spec = plugnet.parseSpec(Blobs.SPEC.replace("\"layers\": [", "\"layers\": [{\"type\": \"scale\","
                    + " \"factor\": 0.5},"));
            Blobs data = Blobs.of(90, 1);
            TrainedModel model = plugnet.fit(spec).epochs(3).on(data.featureNames(), data.x(), data.y());
            assertEquals(3, model.history().size());
            assertEquals(model.predict(data.x()[0]), plugnet.fromJson(model.toJson()).predict(data.x()[0]));
        }
    }

    @Test
    void aRegisteredProviderThatClashesOrIsNoPluginIsRefused(@TempDir Path dir) {
        ConfigException clash = assertThrows(ConfigException.class,
                () -> Plugnet.builder().register(new ScaleProvider("dense")).build());
        assertTrue(clash.getMessage().startsWith("plugins: two layer plugins are named \"dense\""), clash.getMessage());
        assertTrue(clash.getMessage().contains("(registered in code)"), clash.getMessage());
        PluginProvider stranger = new PluginProvider() {
            public String name() {
                return "x";
            }

            public String description() {
                return "";
            }
        };
        assertThrows(ConfigException.class, () -> Plugnet.builder().register(stranger));
        ConfigException missing = assertThrows(ConfigException.class,
                () -> Plugnet.builder().pluginFolder(dir.resolve("absent")).build());
        assertEquals("plugin folder: no such folder or jar: " + dir.resolve("absent"), missing.getMessage());
        assertEquals(0, Plugnet.builder().pluginFolder(dir).build().registry().warnings().size());
    }
}
