package dev.plugnet.activations;

import dev.plugnet.api.ActivationProvider;
import dev.plugnet.testkit.ActivationCheck;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The plugin authors' test kit, run on every built-in activation. */
class ActivationTestkitTest {
    static Stream<ActivationProvider> providers() {
        return Stream.of(new SigmoidProvider(), new SoftmaxProvider(), new TanhProvider(), new ReluProvider(),
                new LeakyReluProvider(), new IdentityProvider());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void passesEveryTestkitCheck(ActivationProvider provider) {
        Map<String, Object> options = provider instanceof LeakyReluProvider ? Map.of("slope", 0.2) : Map.of();
        ActivationCheck.of(provider).options(options).width(5).batchSize(3).verify();
    }
}
