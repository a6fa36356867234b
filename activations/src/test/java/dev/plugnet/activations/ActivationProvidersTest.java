package dev.plugnet.activations;

import dev.plugnet.testkit.ServiceRegistration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plugnet.api.ActivationProvider;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ActivationProvidersTest {
    private static final String SERVICE = "dev.plugnet.api.ActivationProvider";
    private static final List<ActivationProvider> PROVIDERS = List.of(new SigmoidProvider(), new SoftmaxProvider(),
            new TanhProvider(), new ReluProvider(), new LeakyReluProvider(), new IdentityProvider());

    @Test
    void providersHaveTheirShortNamesAndDescriptions() {
        assertEquals(List.of("sigmoid", "softmax", "tanh", "relu", "leaky_relu", "identity"),
                PROVIDERS.stream().map(ActivationProvider::name).collect(Collectors.toList()));
        for (ActivationProvider provider : PROVIDERS) {
            assertFalse(provider.description().isBlank(), provider.name());
            assertEquals(provider.name().equals("softmax"), provider.outputsDistribution(), provider.name());
            assertEquals(provider.name().equals("leaky_relu") ? 1 : 0, provider.options().size(), provider.name());
        }
    }

    @Test
    void everyProviderIsListedInTheServicesFileAndTheModule() throws IOException {
        List<String> classes = PROVIDERS.stream().map(p -> p.getClass().getName()).collect(Collectors.toList());
        assertEquals(classes, ServiceRegistration.servicesFile(SigmoidProvider.class, SERVICE));
        List<String> provided = ServiceRegistration.provides(SigmoidProvider.class, SERVICE);
        if (provided != null) {
            assertTrue(provided.containsAll(classes) && classes.containsAll(provided), provided.toString());
        }
    }
}
