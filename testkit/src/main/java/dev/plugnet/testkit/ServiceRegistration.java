package dev.plugnet.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Reads how a plugin module registers its providers: its {@code provides} and its META-INF/services file. */
public final class ServiceRegistration {
    private ServiceRegistration() {
    }

    /** @return the provider class names listed in this module's {@code META-INF/services/<service>} file */
    public static List<String> servicesFile(Class<?> anchor, String service) throws IOException {
        try (InputStream in = anchor.getResourceAsStream("/META-INF/services/" + service)) {
            if (in == null) {
                return List.of();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(line -> line.replaceAll("#.*", "").trim()).filter(line -> !line.isEmpty())
                    .collect(Collectors.toList());
        }
    }

    /**
     * @return the provider class names the module of {@code anchor} declares for {@code service}, or
     *         {@code null} when the tests run on the class path (an unnamed module has no descriptor)
     */
    public static List<String> provides(Class<?> anchor, String service) {
        ModuleDescriptor descriptor = anchor.getModule().getDescriptor();
        if (descriptor == null) {
            return null;
        }
        return descriptor.provides().stream().filter(p -> p.service().equals(service))
                .flatMap(p -> p.providers().stream()).collect(Collectors.toList());
    }
}
