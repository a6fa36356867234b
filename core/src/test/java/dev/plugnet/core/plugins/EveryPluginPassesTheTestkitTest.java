package dev.plugnet.core.plugins;

import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.ComputeProvider;
import dev.plugnet.api.LayerProvider;
import dev.plugnet.api.LossProvider;
import dev.plugnet.api.OptimizerProvider;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.OptionType;
import dev.plugnet.api.PluginProvider;
import dev.plugnet.api.ShortcutProvider;
import dev.plugnet.testkit.ActivationCheck;
import dev.plugnet.testkit.ComputeCheck;
import dev.plugnet.testkit.LayerCheck;
import dev.plugnet.testkit.LossCheck;
import dev.plugnet.testkit.OptimizerCheck;
import dev.plugnet.testkit.ShortcutCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every plugin plugnet ships, found the way the app finds them, passes the testkit check of its kind: layers
 * {@link LayerCheck}, activations {@link ActivationCheck}, losses {@link LossCheck}, optimizers
 * {@link OptimizerCheck}, each shortcut {@link ShortcutCheck} against the generic path of the installed
 * activation and loss it fuses, and compute backends {@link ComputeCheck}.
 */
class EveryPluginPassesTheTestkitTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    @Test
    void everyKindIsInstalled() {
        for (PluginKind kind : PluginKind.values()) {
            assertTrue(!REGISTRY.plugins(kind).isEmpty(), "no " + kind + " plugin installed");
        }
    }

    @TestFactory
    List<DynamicTest> everyPluginPassesItsCheck() {
        List<DynamicTest> tests = new ArrayList<>();
        for (InstalledPlugin plugin : REGISTRY.all()) {
            PluginProvider p = plugin.provider();
            String name = plugin.kind() + " " + plugin.name() + " (" + plugin.module() + ")";
            tests.add(DynamicTest.dynamicTest(name, () -> check(p)));
        }
        assertTrue(tests.size() >= 12, "found only " + tests.size() + " plugins");
        return tests;
    }

    private static void check(PluginProvider p) {
        if (p instanceof LayerProvider layer) {
            LayerCheck.of(layer).options(required(layer)).inputWidth(5).batchSize(4).verify();
        } else if (p instanceof ActivationProvider activation) {
            ActivationCheck.of(activation).width(5).verify();
        } else if (p instanceof LossProvider loss) {
            LossCheck.of(loss).outputs(3).verify();
        } else if (p instanceof OptimizerProvider optimizer) {
            OptimizerCheck.of(optimizer).verify();
        } else if (p instanceof ShortcutProvider shortcut) {
            ActivationProvider activation = REGISTRY.providers(PluginKind.ACTIVATION, ActivationProvider.class)
                    .get(shortcut.activation());
            LossProvider loss = REGISTRY.providers(PluginKind.LOSS, LossProvider.class).get(shortcut.loss());
            assertTrue(activation != null && loss != null, "the plugins " + shortcut.name() + " fuses are installed");
            ShortcutCheck.of(shortcut, activation, loss).outputs(4).verify();
        } else if (p instanceof ComputeProvider compute) {
            ComputeCheck.of(compute).verify();
        } else {
            throw new AssertionError("no check for " + p.getClass());
        }
    }

    /** @return a value for every required option (an integer width of 3), the defaults for the rest */
    private static Map<String, Object> required(PluginProvider provider) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (OptionSpec spec : provider.options()) {
            if (spec.required()) {
                assertEquals(OptionType.INTEGER, spec.type(), "a required option this test can fill in");
                given.put(spec.name(), 3);
            }
        }
        return given;
    }
}
