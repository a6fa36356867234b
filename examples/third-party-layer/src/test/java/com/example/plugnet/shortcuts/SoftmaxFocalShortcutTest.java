package com.example.plugnet.shortcuts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.plugnet.losses.FocalLossProvider;
import dev.plugnet.activations.SoftmaxProvider;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Options;
import dev.plugnet.api.Shortcut;
import dev.plugnet.api.ShortcutContext;
import dev.plugnet.testkit.ShortcutCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoftmaxFocalShortcutTest {
    private final SoftmaxFocalShortcutProvider provider = new SoftmaxFocalShortcutProvider();

    @Test
    void passesThePlugnetTestKitAgainstSoftmaxAndTheFocalLossForSeveralGammas() {
        ShortcutCheck.of(provider, new SoftmaxProvider(), new FocalLossProvider()).verify();
        ShortcutCheck.of(provider, new SoftmaxProvider(), new FocalLossProvider())
                .lossOptions(Map.of("gamma", 0.5)).outputs(4).batchSize(6).seed(11).verify();
        ShortcutCheck.of(provider, new SoftmaxProvider(), new FocalLossProvider())
                .lossOptions(Map.of("gamma", 0.0)).outputs(2).verify();
    }

    @Test
    void atGammaZeroItIsTheSoftmaxCrossEntropyStep() {
        FocalLossProvider focal = new FocalLossProvider();
        Shortcut shortcut = provider.create(new ShortcutContext(Options.empty("layers[0].activation"),
                Options.parse(focal.options(), Map.of("gamma", 0.0), "loss"), 3));
        Matrix a = Matrix.row(1, 2, 3);
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
        Matrix s = Matrix.row(Math.exp(1) / sum, Math.exp(2) / sum, Math.exp(3) / sum);
        Matrix t = Matrix.row(0, 1, 0);
        assertEquals(-Math.log(s.get(0, 1)), shortcut.value(a, s, t), 1e-14);
        Matrix g = Matrix.zeros(1, 3);
        shortcut.gradient(a, s, t, g);
        for (int k = 0; k < 3; k++) {
            assertEquals(s.get(0, k) - t.get(0, k), g.get(0, k), 1e-15, "s - t at " + k);
        }
    }

    @Test
    void staysFiniteWhereSoftmaxUnderflows() {
        FocalLossProvider focal = new FocalLossProvider();
        Shortcut shortcut = provider.create(new ShortcutContext(Options.empty("layers[0].activation"),
                Options.parse(focal.options(), Map.of(), "loss"), 2));
        Matrix a = Matrix.row(-1000, 1000);
        Matrix s = Matrix.row(0, 1);
        Matrix t = Matrix.row(1, 0);
        double value = shortcut.value(a, s, t);
        assertEquals(2000.0, value, 1e-9, "(1 - 0)^2 · 2000");
        Matrix g = Matrix.zeros(1, 2);
        shortcut.gradient(a, s, t, g);
        assertTrue(g.isFinite(), g.toString());
        assertEquals(-1.0, g.get(0, 0), 1e-12, "u_0 = -(1 - 0)^2 = -1, and s_0 = 0");
        assertEquals(1.0, g.get(0, 1), 1e-12);
    }
}
