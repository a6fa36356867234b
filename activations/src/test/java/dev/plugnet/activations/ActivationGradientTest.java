package dev.plugnet.activations;

import dev.plugnet.testkit.Allocations;
import dev.plugnet.testkit.FiniteDifferences;

import static dev.plugnet.testkit.MatrixAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Options;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every activation's backward against central finite differences of {@code Σ g ⊙ act(a)}. */
class ActivationGradientTest {
    static Stream<ActivationProvider> providers() {
        return Stream.of(new SigmoidProvider(), new SoftmaxProvider(), new TanhProvider(), new ReluProvider(),
                new LeakyReluProvider(), new IdentityProvider());
    }

    private static Activation create(ActivationProvider provider) {
        Map<String, Object> raw = provider instanceof LeakyReluProvider ? Map.of("slope", 0.2) : Map.of();
        return provider.create(new dev.plugnet.api.ActivationContext(Options.parse(provider.options(), raw, "activation"), 4));
    }

    /** Random values of magnitude 0.1 to 3, away from relu's kink at 0. */
    private static Matrix awayFromZero(SplittableRandom random, int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            double magnitude = 0.1 + 2.9 * random.nextDouble();
            m.data()[i] = random.nextBoolean() ? magnitude : -magnitude;
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void backwardMatchesCentralFiniteDifferences(ActivationProvider provider) {
        Activation activation = create(provider);
        SplittableRandom random = new SplittableRandom(provider.name().hashCode());
        Matrix pre = awayFromZero(random, 5, 4);
        Matrix g = awayFromZero(random, 5, 4);
        Matrix out = Matrix.zeros(5, 4);
        activation.forward(pre, out);
        Matrix analytic = Matrix.zeros(5, 4);
        activation.backward(pre, out, g, analytic);
        // the gradient of Σ g ⊙ act(a) with respect to a is what backward computes for dL/d(output) = g
        Matrix numerical = FiniteDifferences.gradient(pre, at -> {
            Matrix y = Matrix.zeros(at.rows(), at.cols());
            activation.forward(at, y);
            double sum = 0;
            for (int i = 0; i < y.data().length; i++) {
                sum += g.data()[i] * y.data()[i];
            }
            return sum;
        });
        assertClose(numerical, analytic, 1e-8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void forwardAndBackwardAllocateNothing(ActivationProvider provider) {
        Activation activation = create(provider);
        SplittableRandom random = new SplittableRandom(3);
        Matrix pre = awayFromZero(random, 16, 10);
        Matrix g = awayFromZero(random, 16, 10);
        Matrix out = Matrix.zeros(16, 10);
        Matrix preGradient = Matrix.zeros(16, 10);
        Runnable pass = () -> {
            activation.forward(pre, out);
            activation.backward(pre, out, g, preGradient);
        };
        for (int i = 0; i < 20_000; i++) {
            pass.run();
        }
        OptionalLong bytes = Allocations.bytesAllocatedBy(pass, 10_000);
        assumeTrue(bytes.isPresent(), "this JDK cannot measure allocation");
        assertTrue(bytes.getAsLong() < 10_000,
                "allocated " + bytes.getAsLong() + " bytes in 10000 passes");
    }
}
