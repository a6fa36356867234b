package dev.plugnet.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** explain takes each step's formula from its plugin, for that step's options. */
class ExplainFormulasTest {
    @TempDir
    Path dir;

    @Test
    void classWeightsShowInTheLossAndTheShortcutFormulas() throws Exception {
        Path model = dir.resolve("weighted.json");
        Files.writeString(model, """
                {"format": 1, "name": "weighted", "inputs": 5,
                 "layers": [{"type": "dense", "units": 4, "activation": "sigmoid"},
                            {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": {"type": "cross_entropy", "class_weights": [1, 2, 3]}}
                """);
        Cli.Result fused = Cli.run("explain", "--config", model.toString());
        assertEquals(0, fused.code(), fused.err());
        assertTrue(fused.out().contains("dL/da2 = (1/B)(s ⊙ Σ_k w_k t_bk − w ⊙ t)   fused by shortcut"), fused.out());
        Cli.Result generic = Cli.run("explain", "--config", model.toString(), "--no-shortcut");
        assertEquals(0, generic.code(), generic.err());
        assertTrue(generic.out().contains("dL/ds = −(1/B) · w ⊙ t / s"), generic.out());
        assertTrue(generic.out().contains("L = −(1/B) Σ_b Σ_k w_k t_bk ln s_bk"), generic.out());
        Cli.Result plain = Cli.run("explain", "--config", "thyroid");
        assertTrue(plain.out().contains("dL/da2 = (1/B)(s ⊙ rowsum(t) − t)"), plain.out());
        assertTrue(plain.out().contains("dL/da1 = dL/dz ⊙ z ⊙ (1 − z)"), plain.out());
    }
}
