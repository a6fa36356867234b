package dev.plugnet.testkit;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ActivationContext;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.Loss;
import dev.plugnet.api.LossContext;
import dev.plugnet.api.LossProvider;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Optimizer;
import dev.plugnet.api.OptimizerContext;
import dev.plugnet.api.OptimizerProvider;
import dev.plugnet.api.Parameter;
import dev.plugnet.api.Shortcut;
import dev.plugnet.api.ShortcutContext;
import dev.plugnet.api.ShortcutProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loss, optimizer and shortcut checks pass correct plugins and name each planted mistake. */
class LossOptimizerShortcutChecksSelfTest {
    /** Mean squared error (1/(B·K)) Σ (y − t)², with a planted mistake when {@code factor != 2} or accumulating. */
    private static LossProvider mse(double factor, boolean accumulate, boolean checkShapes) {
        return new LossProvider() {
            public String name() {
                return "test_mse";
            }

            public String description() {
                return "mean squared error";
            }

            public Loss create(LossContext context) {
                return new Loss() {
                    public double value(Matrix y, Matrix t) {
                        if (checkShapes) {
                            Matrix.requireSameShape("mse", y, t);
                        }
                        double sum = 0;
                        for (int i = 0; i < y.data().length; i++) {
                            double d = y.data()[i] - t.data()[i];
                            sum += d * d;
                        }
                        return sum / y.data().length;
                    }

                    public void gradient(Matrix y, Matrix t, Matrix g) {
                        if (checkShapes) {
                            Matrix.requireSameShape("mse", y, t);
                            Matrix.requireSameShape("mse gradient", y, g);
                        }
                        for (int i = 0; i < y.data().length; i++) {
                            double d = factor * (y.data()[i] - t.data()[i]) / y.data().length;
                            g.data()[i] = accumulate ? g.data()[i] + d : d;
                        }
                    }
                };
            }
        };
    }

    @Test
    void lossCheckPassesACorrectLossAndNamesEachMistake() {
        assertEquals(List.of(), LossCheck.of(mse(2, false, true)).expect(Matrix.row(1, 2), Matrix.row(0, 0), 2.5)
                .problems());
        List<String> wrong = LossCheck.of(mse(1, false, true)).problems();
        assertEquals(1, wrong.size(), wrong.toString());
        assertTrue(wrong.get(0).startsWith("dL/dy["), wrong.get(0));
        assertTrue(wrong.get(0).contains("central finite differences give"), wrong.get(0));
        assertTrue(LossCheck.of(mse(2, true, true)).problems().stream()
                .anyMatch(p -> p.contains("must be overwritten, not added to")));
        List<String> shapes = LossCheck.of(mse(2, false, false)).problems();
        assertTrue(shapes.stream().anyMatch(p -> p.contains("did not throw ShapeMismatchException")), shapes.toString());
        List<String> known = LossCheck.of(mse(2, false, true)).expect(Matrix.row(1, 2), Matrix.row(0, 0), 3).problems();
        assertEquals(List.of("value at output (1×2), target (1×2) is 2.50000000000, expected 3.00000000000"), known);
        AssertionError e = assertThrows(AssertionError.class, () -> LossCheck.of(mse(1, false, true)).verify());
        assertTrue(e.getMessage().startsWith("loss plugin \"test_mse\""), e.getMessage());
    }

    /** SGD with momentum; with {@code hideVelocity} its velocity is missing from state(), so a resume differs. */
    private static OptimizerProvider momentum(boolean hideVelocity) {
        return new OptimizerProvider() {
            public String name() {
                return "test_momentum";
            }

            public String description() {
                return "momentum";
            }

            public Optimizer create(OptimizerContext context) {
                List<Parameter> ps = context.parameters();
                List<Matrix> velocity = ps.stream().map(p -> Matrix.zeros(p.value().rows(), p.value().cols())).toList();
                return new Optimizer() {
                    private double eta = 0.1;

                    public void step() {
                        for (int i = 0; i < ps.size(); i++) {
                            double[] w = ps.get(i).value().data();
                            double[] g = ps.get(i).gradient().data();
                            double[] v = velocity.get(i).data();
                            for (int j = 0; j < w.length; j++) {
                                v[j] = 0.9 * v[j] + g[j];
                                w[j] -= eta * v[j];
                            }
                        }
                    }

                    public double learningRate() {
                        return eta;
                    }

                    public void learningRate(double learningRate) {
                        eta = learningRate;
                    }

                    public Map<String, Matrix> state() {
                        return hideVelocity ? Map.of() : Map.of("velocity[0]", velocity.get(0), "velocity[1]",
                                velocity.get(1));
                    }
                };
            }
        };
    }

    @Test
    void optimizerCheckFindsStateThatIsNotSaved() {
        assertEquals(List.of(), OptimizerCheck.of(momentum(false)).problems());
        List<String> hidden = OptimizerCheck.of(momentum(true)).problems();
        assertEquals(1, hidden.size(), hidden.toString());
        assertTrue(hidden.get(0).startsWith("resuming after 3 of 8 steps from the saved state gives weights that"
                + " differ from an uninterrupted run"), hidden.get(0));
    }

    private static ActivationProvider softmax() {
        return new ActivationProvider() {
            public String name() {
                return "softmax";
            }

            public String description() {
                return "softmax";
            }

            public boolean outputsDistribution() {
                return true;
            }

            public Activation create(ActivationContext context) {
                return new Activation() {
                    public void forward(Matrix a, Matrix s) {
                        Matrix.requireSameShape("softmax", a, s);
                        for (int r = 0; r < a.rows(); r++) {
                            double max = Double.NEGATIVE_INFINITY;
                            for (int k = 0; k < a.cols(); k++) {
                                max = Math.max(max, a.get(r, k));
                            }
                            double sum = 0;
                            for (int k = 0; k < a.cols(); k++) {
                                sum += Math.exp(a.get(r, k) - max);
                            }
                            for (int k = 0; k < a.cols(); k++) {
                                s.set(r, k, Math.exp(a.get(r, k) - max) / sum);
                            }
                        }
                    }

                    public void backward(Matrix a, Matrix s, Matrix g, Matrix d) {
                        for (int r = 0; r < a.rows(); r++) {
                            double dot = 0;
                            for (int k = 0; k < a.cols(); k++) {
                                dot += g.get(r, k) * s.get(r, k);
                            }
                            for (int k = 0; k < a.cols(); k++) {
                                d.set(r, k, s.get(r, k) * (g.get(r, k) - dot));
                            }
                        }
                    }
                };
            }
        };
    }

    private static LossProvider crossEntropy() {
        return new LossProvider() {
            public String name() {
                return "cross_entropy";
            }

            public String description() {
                return "cross-entropy";
            }

            public Loss create(LossContext context) {
                return new Loss() {
                    public double value(Matrix s, Matrix t) {
                        Matrix.requireSameShape("ce", s, t);
                        double sum = 0;
                        for (int i = 0; i < s.data().length; i++) {
                            sum += t.data()[i] == 0 ? 0 : t.data()[i] * Math.log(s.data()[i]);
                        }
                        return -sum / s.rows();
                    }

                    public void gradient(Matrix s, Matrix t, Matrix g) {
                        for (int i = 0; i < s.data().length; i++) {
                            g.data()[i] = t.data()[i] == 0 ? 0 : -t.data()[i] / s.data()[i] / s.rows();
                        }
                    }
                };
            }
        };
    }

    /** Softmax + cross-entropy fused; {@code perBatch} false forgets the 1/B, {@code stable} false takes ln s. */
    private static ShortcutProvider fused(boolean perBatch, boolean stable) {
        return new ShortcutProvider() {
            public String name() {
                return "test_fused";
            }

            public String description() {
                return "fused";
            }

            public String activation() {
                return "softmax";
            }

            public String loss() {
                return "cross_entropy";
            }

            public Shortcut create(ShortcutContext context) {
                return new Shortcut() {
                    public double value(Matrix a, Matrix s, Matrix t) {
                        Matrix.requireSameShape("fused", a, t);
                        double sum = 0;
                        for (int r = 0; r < a.rows(); r++) {
                            double max = Double.NEGATIVE_INFINITY;
                            for (int k = 0; k < a.cols(); k++) {
                                max = Math.max(max, a.get(r, k));
                            }
                            double exps = 0;
                            for (int k = 0; k < a.cols(); k++) {
                                exps += Math.exp(a.get(r, k) - max);
                            }
                            for (int k = 0; k < a.cols(); k++) {
                                double t1 = t.get(r, k);
                                if (t1 != 0) {
                                    sum += t1 * (stable ? a.get(r, k) - max - Math.log(exps) : Math.log(s.get(r, k)));
                                }
                            }
                        }
                        return -sum / a.rows();
                    }

                    public void gradient(Matrix a, Matrix s, Matrix t, Matrix d) {
                        Matrix.requireSameShape("fused", a, t);
                        Matrix.requireSameShape("fused gradient", a, d);
                        for (int i = 0; i < d.data().length; i++) {
                            d.data()[i] = (s.data()[i] - t.data()[i]) / (perBatch ? a.rows() : 1);
                        }
                    }
                };
            }
        };
    }

    @Test
    void shortcutCheckComparesWithTheGenericPathAndHugeLogits() {
        assertEquals(List.of(), ShortcutCheck.of(fused(true, true), softmax(), crossEntropy()).problems());
        List<String> noBatch = ShortcutCheck.of(fused(false, true), softmax(), crossEntropy()).problems();
        assertTrue(noBatch.stream().anyMatch(p -> p.startsWith("dL/da (against the generic path)[")
                && p.contains("the generic path gives")), noBatch.toString());
        List<String> unstable = ShortcutCheck.of(fused(true, false), softmax(), crossEntropy()).problems();
        assertEquals(List.of("value at logits of about ±1000 is Infinity, not finite"), unstable);
        List<String> wrongPair = ShortcutCheck.of(fused(true, true), softmax(), mse(2, false, true)).problems();
        assertTrue(wrongPair.contains("fuses loss \"cross_entropy\" but is checked with \"test_mse\""), wrongPair.toString());
    }

    @Test
    void theAllocationCounterSubtractsItsOwnCost() {
        OptionalLong nothing = Allocations.bytesAllocatedBy(() -> { }, 1000);
        if (nothing.isPresent()) {
            assertEquals(0, nothing.getAsLong());
            Object[] sink = new Object[1];
            OptionalLong arrays = Allocations.bytesAllocatedBy(() -> sink[0] = new long[16], 100);
            assertTrue(arrays.getAsLong() >= 100 * 16 * 8, arrays.toString());
        }
    }
}
