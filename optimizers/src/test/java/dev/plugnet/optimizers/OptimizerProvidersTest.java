package dev.plugnet.optimizers;

import dev.plugnet.testkit.ServiceRegistration;

import dev.plugnet.testkit.Allocations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.OptimizerProvider;
import dev.plugnet.api.Optimizer;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.Options;
import dev.plugnet.api.Parameter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OptimizerProvidersTest {
    private static final String SERVICE = "dev.plugnet.api.OptimizerProvider";
    private static final List<OptimizerProvider> PROVIDERS = List.of(new SgdOptimizerProvider(),
            new MomentumOptimizerProvider(), new AdamOptimizerProvider());

    private static Map<String, Object> defaults(OptimizerProvider provider) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (OptionSpec spec : provider.options()) {
            result.put(spec.name(), spec.defaultValue());
        }
        return result;
    }

    @Test
    void sgdOptions() {
        assertEquals("sgd", PROVIDERS.get(0).name());
        assertEquals(Map.of("learning_rate", 0.1, "weight_decay", 0.0), defaults(PROVIDERS.get(0)));
    }

    @Test
    void momentumOptions() {
        assertEquals("momentum", PROVIDERS.get(1).name());
        assertEquals(List.of("learning_rate", "momentum", "nesterov", "weight_decay"),
                List.copyOf(defaults(PROVIDERS.get(1)).keySet()));
        assertEquals(Map.of("learning_rate", 0.01, "momentum", 0.9, "nesterov", false, "weight_decay", 0.0),
                defaults(PROVIDERS.get(1)));
    }

    @Test
    void adamOptions() {
        assertEquals("adam", PROVIDERS.get(2).name());
        assertEquals(List.of("learning_rate", "beta1", "beta2", "epsilon", "weight_decay", "decoupled"),
                List.copyOf(defaults(PROVIDERS.get(2)).keySet()));
        assertEquals(Map.of("learning_rate", 0.001, "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8,
                "weight_decay", 0.0, "decoupled", false), defaults(PROVIDERS.get(2)));
    }

    @Test
    void everyProviderIsDescribedAndItsLearningRateMustBePositive() {
        for (OptimizerProvider provider : PROVIDERS) {
            assertFalse(provider.description().isBlank(), provider.name());
            OptionSpec learningRate = provider.options().get(0);
            assertEquals("learning_rate", learningRate.name());
            assertEquals(0.0, learningRate.minimum());
            assertTrue(learningRate.exclusiveMinimum());
        }
    }

    @Test
    void stepsAllocateNothing() {
        for (OptimizerProvider provider : PROVIDERS) {
            Parameter w = new Parameter("W", Matrix.zeros(20, 10), true);
            Parameter b = new Parameter("b", Matrix.zeros(1, 10), false);
            w.gradient().fill(0.01);
            b.gradient().fill(-0.01);
            Map<String, Object> raw = Map.of("weight_decay", 0.001);
            Optimizer optimizer = provider.create(new dev.plugnet.api.OptimizerContext(List.of(w, b), Options.parse(provider.options(), raw, "optimizer"), 0L));
            for (int i = 0; i < 20_000; i++) {
                optimizer.step();
            }
            OptionalLong bytes = Allocations.bytesAllocatedBy(optimizer::step, 10_000);
            assumeTrue(bytes.isPresent(), "this JDK cannot measure allocation");
            assertTrue(bytes.getAsLong() < 10_000,
                    provider.name() + " allocated " + bytes.getAsLong() + " bytes in 10000 steps");
        }
    }

    @Test
    void everyProviderIsListedInTheServicesFileAndTheModule() throws IOException {
        List<String> classes = PROVIDERS.stream().map(p -> p.getClass().getName()).collect(Collectors.toList());
        assertEquals(classes, ServiceRegistration.servicesFile(SgdOptimizerProvider.class, SERVICE));
        List<String> provided = ServiceRegistration.provides(SgdOptimizerProvider.class, SERVICE);
        if (provided != null) {
            assertEquals(Set.copyOf(classes), Set.copyOf(provided));
        }
    }
}
