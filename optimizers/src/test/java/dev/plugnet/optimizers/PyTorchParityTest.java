package dev.plugnet.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.Optimizer;
import dev.plugnet.api.OptimizerProvider;
import dev.plugnet.api.Options;
import dev.plugnet.api.Parameter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Five steps of each optimizer against PyTorch 1.13 (float64: {@code torch.optim.SGD}, {@code Adam},
 * {@code AdamW}), with a decayed weight {@code W}(2×3) in a parameter group with weight decay and a bias
 * {@code b}(1×3) in one without. Start {@code W_i = cos i}, {@code b_i = cos(10 + i)}; at step t the gradients
 * are {@code sin(i + t)} and {@code sin(10 + i + t)}. The expected values were printed by PyTorch.
 */
class PyTorchParityTest {
    private static final Map<String, OptimizerProvider> PROVIDERS = Map.of("sgd", new SgdOptimizerProvider(),
            "momentum", new MomentumOptimizerProvider(), "adam", new AdamOptimizerProvider());

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("sgd", Map.of("learning_rate", 0.1, "weight_decay", 0.05),
                        new double[] {0.960422453811579, 0.6221828849851391, -0.28808875895325464,
                                -0.9334929264994073, -0.7206480024452008, 0.15475737161858594},
                        new double[] {-0.8915214398892013, -0.119232901813262, 0.7626778163190916}),
                Arguments.of("momentum", Map.of("learning_rate", 0.05, "momentum", 0.8, "weight_decay", 0.1),
                        new double[] {0.770958697772947, 0.5310838240840982, -0.19706706824913173,
                                -0.744035406855458, -0.6069410236939552, 0.08817213759983157},
                        new double[] {-0.7647244449757904, -0.13238861776570976, 0.6216646940767728}),
                Arguments.of("momentum", Map.of("learning_rate", 0.05, "momentum", 0.8, "nesterov", true,
                                "weight_decay", 0.1),
                        new double[] {0.7888509241053265, 0.5690560841714893, -0.1739262952130269,
                                -0.7570016408808917, -0.6440931690147956, 0.06099159205566869},
                        new double[] {-0.8058188172022973, -0.16685505451561405, 0.6255144758012166}),
                Arguments.of("adam", Map.of("learning_rate", 0.01, "weight_decay", 0.1),
                        new double[] {0.9670130215639792, 0.5265637184608918, -0.39980833050074893,
                                -0.955281045220747, -0.6362926014909487, 0.2701157497717327},
                        new double[] {-0.8184922631346988, -0.000315403148205929, 0.8074477364149715}),
                Arguments.of("adam", Map.of("learning_rate", 0.01, "weight_decay", 0.1, "decoupled", true,
                                "beta1", 0.8, "beta2", 0.99, "epsilon", 1e-06),
                        new double[] {0.9678488680948506, 0.5297155474148002, -0.39882100002943477,
                                -0.9557391966739713, -0.6393245888895162, 0.26890234744224106},
                        new double[] {-0.8220674796317365, -0.0024758469064217878, 0.809236470536396}));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void fiveStepsMatchPyTorch(String name, Map<String, Object> raw, double[] expectedW, double[] expectedB) {
        Parameter w = new Parameter("W", Matrix.zeros(2, 3), true);
        Parameter b = new Parameter("b", Matrix.zeros(1, 3), false);
        for (int i = 0; i < 6; i++) {
            w.value().data()[i] = Math.cos(i);
        }
        for (int i = 0; i < 3; i++) {
            b.value().data()[i] = Math.cos(10 + i);
        }
        OptimizerProvider provider = PROVIDERS.get(name);
        Optimizer optimizer = provider.create(new dev.plugnet.api.OptimizerContext(List.of(w, b), Options.parse(provider.options(), raw, "optimizer"), 0L));
        for (int t = 1; t <= 5; t++) {
            for (int i = 0; i < 6; i++) {
                w.gradient().data()[i] = Math.sin(i + t);
            }
            for (int i = 0; i < 3; i++) {
                b.gradient().data()[i] = Math.sin(10 + i + t);
            }
            optimizer.step();
        }
        assertArrayEquals(expectedW, w.value().data(), 1e-15);
        assertArrayEquals(expectedB, b.value().data(), 1e-15);
    }
}
