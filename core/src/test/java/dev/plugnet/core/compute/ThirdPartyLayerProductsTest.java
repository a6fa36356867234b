package dev.plugnet.core.compute;

import dev.plugnet.api.ApiVersion;
import dev.plugnet.api.Matrix;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.model.ModelLimits;
import dev.plugnet.core.network.Network;
import dev.plugnet.core.plugins.PluginRegistry;
import dev.plugnet.testkit.PluginJarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A layer plugin compiled against the api alone (its module requires {@code dev.plugnet.api} and nothing else,
 * and imports no backend class) gets the run's compute backend through {@code LayerContext.products()}.
 */
class ThirdPartyLayerProductsTest {
    @TempDir
    Path dir;

    private static final String LAYER = """
            package com.example.linear;

            import dev.plugnet.api.*;
            import java.util.List;

            public final class LinearProvider implements LayerProvider {
              public String name() { return "linear"; }
              public String description() { return "a = x·W without bias, its products on the run's backend."; }
              public LayerPlan plan(int inputWidth, Options options) { return new LayerPlan(2, inputWidth * 2); }
              public Layer create(LayerContext c) {
                int in = c.inputWidth();
                MatrixProducts products = c.products();
                Parameter w = new Parameter("W", Matrix.zeros(in, 2).fill(0.5), true);
                return new Layer() {
                  Matrix x;
                  Matrix out;
                  Matrix dx;
                  public int inputWidth() { return in; }
                  public int outputWidth() { return 2; }
                  public Matrix forward(Matrix input, boolean training) {
                    x = input;
                    out = products.multiplyInto(input, w.value(), Matrix.zeros(input.rows(), 2));
                    return out;
                  }
                  public Matrix backward(Matrix g, boolean need) {
                    products.transposeMultiplyInto(x, g, w.gradient());
                    return need ? products.multiplyTransposeInto(g, w.value(), Matrix.zeros(g.rows(), in)) : null;
                  }
                  public List<Parameter> parameters() { return List.of(w); }
                  public String toString() { return "linear on " + products; }
                };
              }
            }
            """;

    @Test
    void aLayerBuiltOnlyAgainstTheApiRunsOnTheChosenBackend() throws Exception {
        Path api = Path.of(ApiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path plugins = dir.resolve("plugins");
        java.nio.file.Files.createDirectories(plugins);
        PluginJarBuilder.create()
                .source("module-info.java", "module com.example.linear { requires dev.plugnet.api;"
                        + " provides dev.plugnet.api.LayerProvider with com.example.linear.LinearProvider; }")
                .source("com/example/linear/LinearProvider.java", LAYER)
                .modulePath(api)
                .build(plugins.resolve("linear.jar"));
        for (String backend : List.of("java", "auto")) {
            List<String> warnings = new ArrayList<>();
            Plugnet plugnet = Plugnet.with(PluginRegistry.discover(List.of(plugins)), ModelLimits.DEFAULTS,
                    warnings::add, backend);
            Network network = plugnet.assembler().network(plugnet.reader().read("{\"inputs\": 3, \"layers\":"
                    + " [{\"type\": \"linear\", \"activation\": \"softmax\"}], \"loss\": \"cross_entropy\"}"));
            String layer = network.stages().get(0).layer().toString();
            assertTrue(layer.startsWith("linear on " + backend + " ("), layer);
            Matrix a = network.stages().get(0).layer().forward(Matrix.of(new double[] {1, 2, 3}), false);
            assertEquals(Matrix.of(new double[] {3, 3}), a);
            assertEquals(List.of(), warnings);
        }
    }
}
