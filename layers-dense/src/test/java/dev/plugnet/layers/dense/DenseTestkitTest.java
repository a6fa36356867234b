package dev.plugnet.layers.dense;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plugnet.testkit.LayerCheck;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plugin authors' test kit, run on plugnet's own dense layer. */
class DenseTestkitTest {
    @Test
    void passesEveryTestkitCheckWithXavierInitAndBias() {
        LayerCheck.of(new DenseLayerProvider()).options(Map.of("units", 3)).inputWidth(5).batchSize(4).verify();
    }

    @Test
    void passesWithoutBiasAndWithHeInit() {
        LayerCheck.of(new DenseLayerProvider()).options(Map.of("units", 2, "bias", false, "init", "he"))
                .inputWidth(3).seed(7).verify();
    }

    @Test
    void passesWithExplicitWeights() {
        LayerCheck.of(new DenseLayerProvider())
                .options(Map.of("units", 2, "weights", List.of(List.of(0.5, -1.0), List.of(2.0, 0.25)),
                        "biases", List.of(0.1, -0.2)))
                .inputWidth(2).verify();
    }

    @Test
    void theTestkitCatchesAWrongGradient() {
        DenseLayerProvider real = new DenseLayerProvider();
        dev.plugnet.api.LayerProvider broken = new dev.plugnet.api.LayerProvider() {
            public String name() {
                return "dense";
            }

            public String description() {
                return "dense, with its input gradient doubled";
            }

            public List<dev.plugnet.api.OptionSpec> options() {
                return real.options();
            }

            public dev.plugnet.api.Layer create(dev.plugnet.api.LayerContext context) {
                dev.plugnet.api.Layer inner = real.create(context);
                return new dev.plugnet.api.Layer() {
                    public int inputWidth() {
                        return inner.inputWidth();
                    }

                    public int outputWidth() {
                        return inner.outputWidth();
                    }

                    public dev.plugnet.api.Matrix forward(dev.plugnet.api.Matrix x, boolean training) {
                        return inner.forward(x, training);
                    }

                    public dev.plugnet.api.Matrix backward(dev.plugnet.api.Matrix g, boolean need) {
                        dev.plugnet.api.Matrix d = inner.backward(g, need);
                        return d == null ? null : d.copy().mapInto(v -> 2 * v, d.copy());
                    }

                    public List<dev.plugnet.api.Parameter> parameters() {
                        return inner.parameters();
                    }
                };
            }
        };
        List<String> problems = LayerCheck.of(broken).options(Map.of("units", 3)).problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("dL/dx (inference mode)[")
                && p.contains("central finite differences")), problems.toString());
    }
}
