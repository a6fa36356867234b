package dev.plugnet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test kit finds what it promises to find, and says it in plain words. */
class TestkitSelfTest {
    /** x², with a configurable mistake in its derivative and an optional missing shape check. */
    private static ActivationProvider square(double derivativeFactor, boolean checkShapes, Object badDefault) {
        return new ActivationProvider() {
            public String name() {
                return "square";
            }

            public String description() {
                return "x squared";
            }

            public List<OptionSpec> options() {
                return List.of(OptionSpec.of("gain", dev.plugnet.api.OptionType.NUMBER, "a gain")
                        .withDefault(badDefault));
            }

            public Activation create(dev.plugnet.api.ActivationContext context) {
                return new Activation() {
                    public void forward(Matrix pre, Matrix out) {
                        if (checkShapes) {
                            Matrix.requireSameShape("square", pre, out);
                        }
                        for (int i = 0; i < Math.min(pre.data().length, out.data().length); i++) {
                            out.data()[i] = pre.data()[i] * pre.data()[i];
                        }
                    }

                    public void backward(Matrix pre, Matrix out, Matrix g, Matrix d) {
                        if (checkShapes) {
                            Matrix.requireSameShape("square backward", pre, g);
                        }
                        for (int i = 0; i < Math.min(pre.data().length, g.data().length); i++) {
                            d.data()[i] = g.data()[i] * derivativeFactor * pre.data()[i];
                        }
                    }
                };
            }
        };
    }

    @Test
    void aCorrectActivationPasses() {
        ActivationCheck.of(square(2.0, true, 1.0)).verify();
    }

    @Test
    void aWrongDerivativeAMissingShapeCheckAndABadDefaultAreEachReported() {
        List<String> problems = ActivationCheck.of(square(3.0, false, 1)).problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("dL/da[") && p.contains("central finite differences")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("did not throw ShapeMismatchException")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("option gain: its default is a Integer")),
                problems.toString());
        AssertionError e = assertThrows(AssertionError.class, () -> ActivationCheck.of(square(3.0, true, 1.0)).verify());
        assertTrue(e.getMessage().startsWith("activation plugin \"square\" ("), e.getMessage());
        assertTrue(e.getMessage().contains("failed 1 check:\n  - dL/da["), e.getMessage());
    }

    @Test
    void jsonTextRoundTripsOptionValues() {
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("units", 3);
        value.put("rate", 0.25);
        value.put("name", "a \"quoted\" name");
        value.put("on", true);
        value.put("rows", new double[][] {{1.0, -2.5}, {3e-7, 4.0}});
        String json = JsonText.write(value);
        assertEquals("{\"units\":3,\"rate\":0.25,\"name\":\"a \\\"quoted\\\" name\",\"on\":true,"
                + "\"rows\":[[1.0,-2.5],[3.0E-7,4.0]]}", json);
        assertEquals(OptionChecks.canonical(value), OptionChecks.canonical(JsonText.parse(json)));
    }
}
