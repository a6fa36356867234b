package dev.plugnet.losses;

import dev.plugnet.testkit.ServiceRegistration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plugnet.api.Options;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LossProvidersTest {
    private static final String SERVICE = "dev.plugnet.api.LossProvider";

    @Test
    void crossEntropyNeedsADistribution() {
        CrossEntropyLossProvider provider = new CrossEntropyLossProvider();
        assertEquals("cross_entropy", provider.name());
        assertTrue(provider.needsDistribution());
        assertEquals(java.util.List.of("class_weights"), provider.options().stream().map(o -> o.name()).toList());
        assertFalse(provider.description().isBlank());
        assertInstanceOf(CrossEntropyLoss.class, provider.create(new dev.plugnet.api.LossContext(Options.empty("loss"), 3)));
    }

    @Test
    void mseDoesNot() {
        MeanSquaredErrorLossProvider provider = new MeanSquaredErrorLossProvider();
        assertEquals("mse", provider.name());
        assertFalse(provider.needsDistribution());
        assertFalse(provider.description().isBlank());
        assertInstanceOf(MeanSquaredErrorLoss.class, provider.create(new dev.plugnet.api.LossContext(Options.empty("loss"), 3)));
    }

    @Test
    void everyLossIsListedInTheServicesFileAndTheModule() throws IOException {
        List<String> classes = List.of(CrossEntropyLossProvider.class.getName(),
                MeanSquaredErrorLossProvider.class.getName(), MeanAbsoluteErrorLossProvider.class.getName(),
                HuberLossProvider.class.getName());
        assertEquals(classes, ServiceRegistration.servicesFile(CrossEntropyLossProvider.class, SERVICE));
        List<String> provided = ServiceRegistration.provides(CrossEntropyLossProvider.class, SERVICE);
        if (provided != null) {
            assertEquals(Set.copyOf(classes), Set.copyOf(provided));
        }
    }
}
