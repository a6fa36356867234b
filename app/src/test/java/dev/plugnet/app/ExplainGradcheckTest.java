package dev.plugnet.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code explain} and {@code gradcheck} through the command line. */
class ExplainGradcheckTest {
    @TempDir
    Path dir;

    @Test
    void explainShowsTheShortcutWithStepsOneAndTwoFused() {
        Cli.Result r = Cli.run("explain", "--config", "thyroid", "--rows", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("path: SHORTCUT"), r.out());
        assertTrue(r.out().contains("steps 1 and 2 are fused"), r.out());
        assertTrue(r.out().contains("steps 1–2 (3×3)      dL/da2 = (1/B)(s ⊙ rowsum(t) − t)"), r.out());
        assertFalse(r.out().contains("step 1 "), r.out());
        String[] expected = {"step 3    (1×3)      dL/db2", "step 4    (4×3)      dL/dW2 = zᵀ · dL/da2",
            "step 5    (3×4)      dL/dz = dL/da2 · W2ᵀ", "step 6    (3×4)      dL/da1 = dL/dz ⊙ z ⊙ (1 − z)",
            "step 7    (1×4)      dL/db1", "step 8    (5×4)      dL/dW1 = xᵀ · dL/da1"};
        for (String line : expected) {
            assertTrue(r.out().contains(line), line + "\n" + r.out());
        }
        assertTrue(r.out().contains("x         (3×5)"), r.out());
        assertTrue(r.out().contains("s         (3×3)      softmax(a2)"), r.out());
    }

    @Test
    void explainWithoutTheShortcutShowsStepOneAsDlDsAndStepTwoAsTheJacobianProduct() {
        Cli.Result r = Cli.run("explain", "--config", "thyroid", "--no-shortcut");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("path: GENERIC"), r.out());
        assertTrue(r.out().contains("step 1    (2×3)      dL/ds = −(1/B) · t / s"), r.out());
        assertTrue(r.out().contains("step 2    (2×3)      dL/da2 = dL/ds · J_b"), r.out());
        assertTrue(r.out().contains("step 8    (5×4)      dL/dW1"), r.out());
        // the first row of the bundled data is class "normal", the last of the sorted classes hyper, hypo, normal:
        // t = [0, 0, 1], so dL/ds is 0, 0, then −1/(B·s)
        assertTrue(r.out().matches("(?s).*step 1 .*?\\n +\\[ +0\\.00000 +0\\.00000 +-[0-9.]+ \\].*"), r.out());
    }

    @Test
    void explainReadsACheckpoint() {
        Path model = dir.resolve("m.json");
        assertEquals(0, Cli.run("train", "--epochs", "3", "--out", model.toString()).code());
        Cli.Result r = Cli.run("explain", "--model", model.toString(), "--rows", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("from checkpoint " + model + " (trained 3 epochs)"), r.out());
        assertTrue(r.out().contains("standardised with the checkpoint's means and scales"), r.out());
        Cli.Result both = Cli.run("explain", "--model", model.toString(), "--config", "thyroid");
        assertEquals(ExitCodes.BAD_INPUT, both.code());
    }

    @Test
    void gradcheckPassesEveryParameterOfTheBundledNetworksOnBothPaths() {
        for (String config : new String[] {"thyroid", "iris"}) {
            for (String[] extra : new String[][] {{}, {"--no-shortcut"}}) {
                String[] args = new String[3 + extra.length];
                args[0] = "gradcheck";
                args[1] = "--config";
                args[2] = config;
                System.arraycopy(extra, 0, args, 3, extra.length);
                Cli.Result r = Cli.run(args);
                assertEquals(0, r.code(), r.out() + r.err());
                assertTrue(r.out().contains("gradcheck: 4 passed, 0 failed"), r.out());
                assertTrue(r.out().contains("PASS  layers[0].W"), r.out());
                assertTrue(r.out().contains(extra.length == 0 ? "shortcut softmax_cross_entropy" : "generic"), r.out());
            }
        }
    }

    @Test
    void gradcheckOfAMissingConfigIsBadInput() {
        Cli.Result r = Cli.run("gradcheck", "--config", dir.resolve("none.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.errLine().endsWith("none.json: no such file"), r.err());
    }
}
