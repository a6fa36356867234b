package dev.plugnet.layers.dense;

import dev.plugnet.testkit.ServiceRegistration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceRegistrationTest {
    private static final String SERVICE = "dev.plugnet.api.LayerProvider";

    @Test
    void servicesFileListsTheDenseProvider() throws IOException {
        assertEquals(List.of(DenseLayerProvider.class.getName()),
                ServiceRegistration.servicesFile(DenseLayerProvider.class, SERVICE));
    }

    @Test
    void moduleProvidesTheDenseProvider() {
        List<String> provided = ServiceRegistration.provides(DenseLayerProvider.class, SERVICE);
        if (provided != null) {
            assertEquals(List.of(DenseLayerProvider.class.getName()), provided);
            assertEquals("dev.plugnet.layers.dense", DenseLayerProvider.class.getModule().getName());
        }
    }
}
