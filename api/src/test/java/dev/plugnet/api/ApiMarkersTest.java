package dev.plugnet.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every public type of the api says how stable it is and since when. */
class ApiMarkersTest {
    @Test
    void everyPublicTypeCarriesAStabilityMarkerWithASince() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Api.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path folder = root.resolve("dev/plugnet/api");
        List<String> unmarked = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String simple = file.getFileName().toString().replace(".class", "");
                String pkg = root.relativize(file.getParent()).toString().replace(java.io.File.separatorChar, '.');
                if (simple.contains("$") || simple.equals("package-info") || simple.equals("module-info")) {
                    continue; // nested types share their enclosing type's marker
                }
                Class<?> type = Class.forName(pkg + "." + simple);
                if (!Modifier.isPublic(type.getModifiers())) {
                    continue;
                }
                checked++;
                Api marker = type.getAnnotation(Api.class);
                if (marker == null || !marker.since().matches("1\\.[0-9]+")) {
                    unmarked.add(type.getSimpleName());
                }
            }
        }
        assertTrue(checked > 20, "found only " + checked + " public types");
        assertEquals(List.of(), unmarked);
    }

    @Test
    void theStableSpisAreMarkedStable() {
        for (Class<?> spi : List.of(LayerProvider.class, ActivationProvider.class, LossProvider.class,
                OptimizerProvider.class, ShortcutProvider.class, Layer.class, Activation.class, Loss.class,
                Optimizer.class, Shortcut.class, LayerContext.class, ActivationContext.class, LossContext.class,
                OptimizerContext.class, ShortcutContext.class, OptionSpec.class, Options.class, Matrix.class)) {
            assertEquals(Api.Status.STABLE, spi.getAnnotation(Api.class).status(), spi.getSimpleName());
        }
    }
}
