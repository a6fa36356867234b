package dev.plugnet.losses.shortcut;

import dev.plugnet.testkit.ServiceRegistration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plugnet.api.Options;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyShortcutProviderTest {
    private static final dev.plugnet.api.ShortcutContext TAIL = new dev.plugnet.api.ShortcutContext(
            Options.empty("layers[1].activation"), Options.empty("loss"), 3);
    private static final String SERVICE = "dev.plugnet.api.ShortcutProvider";
    private final SoftmaxCrossEntropyShortcutProvider provider = new SoftmaxCrossEntropyShortcutProvider();

    @Test
    void fusesSoftmaxWithCrossEntropy() {
        assertEquals("softmax_cross_entropy", provider.name());
        assertEquals("softmax", provider.activation());
        assertEquals("cross_entropy", provider.loss());
        assertFalse(provider.description().isBlank());
        assertTrue(provider.options().isEmpty());
        assertTrue(provider.covers(TAIL));
        assertInstanceOf(SoftmaxCrossEntropyShortcut.class, provider.create(TAIL));
    }

    @Test
    void isListedInTheServicesFileAndTheModule() throws IOException {
        List<String> classes = List.of(SoftmaxCrossEntropyShortcutProvider.class.getName());
        assertEquals(classes, ServiceRegistration.servicesFile(SoftmaxCrossEntropyShortcutProvider.class, SERVICE));
        List<String> provided = ServiceRegistration.provides(SoftmaxCrossEntropyShortcutProvider.class, SERVICE);
        if (provided != null) {
            assertEquals(classes, provided);
        }
    }
}
