package ${package};

import dev.plugnet.testkit.LayerCheck;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** The testkit's layer check: gradients against finite differences, options, shapes, seeds. */
class ${className}ProviderTest {
    @Test
    void passesTheLayerCheck() {
        LayerCheck.of(new ${className}Provider()).inputWidth(5).batchSize(4).verify();
        LayerCheck.of(new ${className}Provider()).options(Map.of("initial_gain", 0.5)).inputWidth(3).batchSize(7)
                .verify();
    }
}
