package dev.plugnet.core.network;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.NonFiniteException;
import dev.plugnet.api.PluginProvider;
import dev.plugnet.api.ShortcutProvider;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.plugins.InstalledPlugin;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelAssemblerTest {
    private static final Plugnet PLUGNET = Plugnet.boot();

    private static ModelSpec example() {
        return PLUGNET.reader().read(Path.of("../examples/seed-5-4-3.json"));
    }

    @Test
    void aModelThatNamesNoOptimizerBuildsItsNetworkButTrainingAsksForOneAtItsPath() {
        ModelSpec spec = PLUGNET.reader().read("{\"inputs\": 2, \"layers\": [{\"type\": \"dense\", \"units\": 1}],"
                + " \"loss\": \"mse\"}");
        assertEquals(1, PLUGNET.assembler().network(spec).outputs());
        ConfigException e = assertThrows(ConfigException.class, () -> PLUGNET.assemble(spec));
        assertEquals("optimizer", e.location());
        assertEquals("training needs an optimizer and the model names none; add \"optimizer\": a name or"
                + " {\"type\": name, options…}, one of the installed: adam, momentum, sgd", e.problem());
    }

    @Test
    void the543ExampleAssemblesWithTheShortcutAndSaysSo() {
        AssembledModel model = PLUGNET.assemble(example());
        Network network = model.network();
        assertEquals(5, network.inputs());
        assertEquals(3, network.outputs());
        assertEquals(5 * 4 + 4 + 4 * 3 + 3, network.parameterCount());
        assertTrue(network.usesShortcut());
        assertEquals("softmax_cross_entropy", network.shortcutName());
        assertTrue(model.summary().contains("backward tail: shortcut softmax_cross_entropy"), model.summary());
        assertEquals(List.of("layers[0].W", "layers[0].b", "layers[1].W", "layers[1].b"),
                network.namedParameters().stream().map(NamedParameter::path).toList());
    }

    @Test
    void switchingShortcutsOffRunsTheGenericPathAndSaysWhy() {
        Network network = PLUGNET.assembler().network(example().withShortcuts(false));
        assertFalse(network.usesShortcut());
        assertTrue(network.summary().contains("generic (cross_entropy step 1, then softmax step 2): shortcuts are"
                + " switched off in the model"), network.summary());
    }

    @Test
    void withoutTheShortcutModuleTheSameModelGivesTheSameGradients() {
        PluginRegistry all = PluginRegistry.discover();
        List<InstalledPlugin> withoutShortcuts = all.all().stream()
                .filter(p -> p.kind() != PluginKind.SHORTCUT).toList();
        Plugnet bare = Plugnet.with(PluginRegistry.of(withoutShortcuts));
        Network generic = bare.assembler().network(example());
        Network fused = PLUGNET.assembler().network(example());
        assertFalse(generic.usesShortcut());
        assertTrue(generic.backwardPath().contains("no installed shortcut covers softmax + cross_entropy"));
        assertTrue(fused.usesShortcut());

        Matrix x = Matrix.of(new double[] {0.1, -0.2, 0.3, 1.5, -2}, new double[] {1, 2, 3, 4, 5},
                new double[] {-1, 0, 0.5, 0.25, 0});
        Matrix t = Matrix.of(new double[] {1, 0, 0}, new double[] {0, 0, 1}, new double[] {0.2, 0.7, 0.1});
        generic.forward(x, true);
        fused.forward(x, true);
        assertEquals(fused.loss(t), generic.loss(t), 1e-14);
        generic.backward(t);
        fused.backward(t);
        for (int i = 0; i < fused.parameters().size(); i++) {
            Matrix g = generic.parameters().get(i).gradient();
            Matrix f = fused.parameters().get(i).gradient();
            assertTrue(g.relativeErrorTo(f) < 1e-13,
                    () -> "gradients differ: " + g + " vs " + f);
        }
    }

    @Test
    void theGenericPathReportsANonFiniteStepOneInsteadOfTrainingOnIt() {
        String json = """
                {"inputs": 1, "shortcuts": false,
                 "layers": [{"type": "dense", "units": 2, "weights": [[1000, -1000]], "biases": [0, 0],
                             "activation": "softmax"}],
                 "loss": "cross_entropy"}""";
        Network network = PLUGNET.assembler().network(PLUGNET.reader().read(json));
        network.forward(Matrix.of(new double[] {1}), true);
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> network.backward(Matrix.of(new double[] {0, 1})));
        assertTrue(e.location().startsWith("step 1"), e.location());
        assertTrue(e.problem().contains("row 0, column 1"), e.problem());

        Network fused = PLUGNET.assembler().network(PLUGNET.reader().read(json).withShortcuts(true));
        fused.forward(Matrix.of(new double[] {1}), true);
        double loss = fused.loss(Matrix.of(new double[] {0, 1}));
        assertEquals(2000.0, loss, 1e-9);
        fused.backward(Matrix.of(new double[] {0, 1}));
        assertTrue(fused.parameters().get(0).gradient().isFinite());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown layer       | {\"inputs\": 5, \"layers\": [{\"type\": \"dens\", \"units\": 3}], \"loss\": \"mse\"} | layers[0].type | unknown layer \"dens\"; installed layers: dense",
        "unknown activation  | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 3, \"activation\": \"sigmod\"}], \"loss\": \"mse\"} | layers[0].activation | unknown activation \"sigmod\"; installed activations: identity, leaky_relu, relu, sigmoid, softmax, tanh",
        "unknown loss        | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 3}], \"loss\": \"hinge\"} | loss.type | unknown loss \"hinge\"; installed losses: cross_entropy, huber, mae, mse",
        "unknown optimizer   | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 3}], \"loss\": \"mse\", \"optimizer\": \"adagrad\"} | optimizer.type | unknown optimizer \"adagrad\"; installed optimizers: adam, momentum, sgd",
        "missing units       | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\"}], \"loss\": \"mse\"} | layers[0].units | missing; expected a positive integer",
        "negative units      | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 3}, {\"type\": \"dense\", \"units\": -3}], \"loss\": \"mse\"} | layers[1].units | expected a positive integer, got -3",
        "units as a string   | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": \"four\"}], \"loss\": \"mse\"} | layers[0].units | expected a positive integer, got \"four\"",
        "unknown option      | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 3, \"unit\": 3}], \"loss\": \"mse\"} | layers[0].unit | unknown option; known options:",
        "wrong option type   | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 3}], \"loss\": \"mse\", \"optimizer\": {\"type\": \"sgd\", \"learning_rate\": \"fast\"}} | optimizer.learning_rate | expected a number > 0, got \"fast\"",
        "loss does not fit   | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 3, \"activation\": \"sigmoid\"}], \"loss\": \"cross_entropy\"} | loss.type | \"cross_entropy\" needs each output row to be a probability distribution, but the last layer (layers[0]) has activation \"sigmoid\"; use one of: softmax",
        "widths do not chain | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 2, \"weights\": [[1, 2], [3, 4], [5, 6]]}], \"loss\": \"mse\"} | layers[0].weights | expected",
    })
    void badModelsNameTheirJsonPath(String what, String json, String path, String problemStart) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> PLUGNET.assemble(PLUGNET.reader().read(json)));
        assertEquals(path, e.location(), what + ": " + e.getMessage());
        assertTrue(e.problem().startsWith(problemStart), () -> what + ": " + e.problem());
    }

    @Test
    void theSameSeedGivesTheSameInitialWeights() {
        Network a = PLUGNET.assembler().network(example());
        Network b = PLUGNET.assembler().network(example());
        Network c = PLUGNET.assembler().network(example().withSeed(43));
        assertEquals(a.parameters().get(0).value(), b.parameters().get(0).value());
        assertFalse(a.parameters().get(0).value().equals(c.parameters().get(0).value()));
        assertFalse(a.parameters().get(0).value().equals(a.parameters().get(2).value()));
    }

    @Test
    void aDeeperNetworkOfAnyWidthsTrainsDownhill() {
        String json = """
                {"inputs": 3, "seed": 1,
                 "layers": [{"type": "dense", "units": 7, "activation": "tanh"},
                            {"type": "dense", "units": 5, "activation": "relu"},
                            {"type": "dense", "units": 6, "activation": "sigmoid"},
                            {"type": "dense", "units": 2, "activation": "softmax"}],
                 "loss": "cross_entropy", "optimizer": {"type": "adam", "learning_rate": 0.01}}""";
        AssembledModel model = PLUGNET.assemble(PLUGNET.reader().read(json));
        Matrix x = Matrix.of(new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1},
                new double[] {1, 1, 0});
        Matrix t = Matrix.of(new double[] {1, 0}, new double[] {0, 1}, new double[] {1, 0}, new double[] {0, 1});
        model.network().forward(x, true);
        double first = model.network().loss(t);
        double last = first;
        for (int step = 0; step < 300; step++) {
            model.network().forward(x, true);
            last = model.network().loss(t);
            model.network().backward(t);
            model.optimizer().step();
        }
        assertTrue(last < first * 0.1, "loss fell from " + first + " to " + last);
    }

    @SuppressWarnings("unused")
    private static PluginProvider unused(ShortcutProvider p) {
        return p;
    }
}
