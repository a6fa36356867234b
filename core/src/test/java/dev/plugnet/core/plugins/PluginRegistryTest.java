package dev.plugnet.core.plugins;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.LayerContext;
import dev.plugnet.api.LayerProvider;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.core.Plugnet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class PluginRegistryTest {

    @Test
    void discoversEveryBuiltInPluginWithItsModule() {
        PluginRegistry registry = PluginRegistry.discover();
        assertEquals(List.of("dense"), List.copyOf(registry.plugins(PluginKind.LAYER).keySet()));
        assertEquals(List.of("cross_entropy", "huber", "mae", "mse"), List.copyOf(registry.plugins(PluginKind.LOSS).keySet()));
        assertEquals(List.of("adam", "momentum", "sgd"), List.copyOf(registry.plugins(PluginKind.OPTIMIZER).keySet()));
        assertEquals(List.of("softmax_cross_entropy"), List.copyOf(registry.plugins(PluginKind.SHORTCUT).keySet()));
        assertTrue(registry.plugins(PluginKind.ACTIVATION).keySet().containsAll(
                List.of("identity", "relu", "sigmoid", "softmax", "tanh")));
        InstalledPlugin dense = registry.find(PluginKind.LAYER, "dense").orElseThrow();
        assertEquals("built in", dense.origin());
    }

    @Test
    void twoBuiltInPluginsWithOneNameAreAnErrorNamingBothModules() {
        LayerProvider first = mock(LayerProvider.class);
        when(first.name()).thenReturn("dense");
        // another class: the same provider class seen twice from one origin is one plugin
        LayerProvider second = mock(LayerProvider.class, org.mockito.Mockito.withSettings().extraInterfaces(Runnable.class));
        when(second.name()).thenReturn("dense");
        List<InstalledPlugin> plugins = new ArrayList<>();
        plugins.add(new InstalledPlugin(PluginKind.LAYER, first, "com.example.a", "1.0", "built in"));
        plugins.add(new InstalledPlugin(PluginKind.LAYER, second, "com.example.b", "2.0", "built in"));
        ConfigException e = assertThrows(ConfigException.class, () -> PluginRegistry.of(plugins));
        assertEquals("plugins", e.location());
        assertEquals("two layer plugins are named \"dense\": one in module com.example.a (built in), one in module"
                + " com.example.b (built in)", e.problem());
    }

    @Test
    void twoFolderPluginsWithOneNameAreBothSkippedAndNamedWhereUsed() {
        LayerProvider first = mock(LayerProvider.class);
        when(first.name()).thenReturn("swish");
        LayerProvider second = mock(LayerProvider.class);
        when(second.name()).thenReturn("swish");
        PluginRegistry registry = PluginRegistry.of(List.of(
                new InstalledPlugin(PluginKind.LAYER, first, "com.example.a", "1.0", "a.jar"),
                new InstalledPlugin(PluginKind.LAYER, second, "com.example.b", "2.0", "b.jar")));
        assertTrue(registry.find(PluginKind.LAYER, "swish").isEmpty());
        assertEquals(1, registry.warnings().size());
        assertEquals("2 layer plugins are named \"swish\": module com.example.a (a.jar), module com.example.b"
                + " (b.jar); neither is loaded, so remove all but one of the jars",
                registry.clash(PluginKind.LAYER, "swish").orElseThrow());
    }

    @Test
    void aBuiltInPluginWhoseNameBreaksTheRuleIsRefusedLikeAPluginFromAFolder() {
        LayerProvider bad = mock(LayerProvider.class);
        when(bad.name()).thenReturn("Dense-2");
        ConfigException e = assertThrows(ConfigException.class, () -> PluginRegistry.of(List.of(
                new InstalledPlugin(PluginKind.LAYER, bad, "com.example.bad", "1.0", "built in"))));
        assertTrue(e.getMessage().contains("in module com.example.bad (built in) has an invalid name \"Dense-2\":"
                + " expected lower case letters, digits and underscores, starting with a letter"), e.getMessage());
    }

    @Test
    void aProviderThatFailsWhileBuildingALayerReportsItsPathThroughTheAssembler() {
        LayerProvider failing = mock(LayerProvider.class);
        when(failing.name()).thenReturn("fragile");
        when(failing.options()).thenReturn(List.of(OptionSpec.integer("size", 1, "a size")));
        when(failing.plan(org.mockito.ArgumentMatchers.anyInt(), any())).thenCallRealMethod();
        when(failing.create(any(LayerContext.class)))
                .thenAnswer(inv -> {
                    throw ((LayerContext) inv.getArgument(0)).options().error("size", "too fragile to build");
                });
        List<InstalledPlugin> plugins = new ArrayList<>(PluginRegistry.discover().all());
        plugins.add(new InstalledPlugin(PluginKind.LAYER, failing, "com.example.fragile", "", "fragile.jar"));
        Plugnet plugnet = Plugnet.with(PluginRegistry.of(plugins));
        ConfigException e = assertThrows(ConfigException.class, () -> plugnet.assemble(plugnet.reader().read(
                "{\"inputs\": 2, \"layers\": [{\"type\": \"fragile\", \"size\": 3}], \"loss\": \"mse\"}")));
        assertEquals("layers[0].size: too fragile to build", e.getMessage());
    }
}
