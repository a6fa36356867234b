package dev.plugnet.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Non-finite values through the real command line: training stops at the first non-finite gradient naming the
 * epoch, the batch and the parameter (exit 1, the checkpoint already on disk kept), and the generic backward
 * path reports softmax underflow (an infinite loss, -t·ln 0) instead of training on it, where the fused shortcut,
 * which computes the loss with log-sum-exp, trains.
 */
class NonFiniteTrainingTest {
    @TempDir
    Path dir;

    @Test
    void aGradientThatOverflowsStopsTrainingNamingEpochBatchAndParameter() throws IOException {
        Path config = Cli.resource("gradient-overflows.json", dir);
        Path out = dir.resolve("kept.json");
        assertEquals(0, Cli.run("train", "--epochs", "2", "--out", out.toString()).code());
        byte[] good = Files.readAllBytes(out);
        Cli.Result r = Cli.run("train", "--config", config.toString(), "--data", "thyroid", "--out", out.toString(),
                "--checkpoint-every", "1");
        assertEquals(ExitCodes.FAILED, r.code(), r.err());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.matches("plugnet: epoch 1, batch \\d+ of \\d+: training stopped: layers\\[0\\]\\.W: its"
                + " gradient is not finite"), r.err());
        assertTrue(r.err().contains("no epoch finished, so no checkpoint was written"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals(new String(good), Files.readString(out), "the last good checkpoint on disk is kept");
    }

    @Test
    void theGenericPathReportsSoftmaxUnderflowWhereTheShortcutTrains() {
        Path config = Cli.resource("softmax-underflows.json", dir);
        Cli.Result fused = Cli.run("train", "--config", config.toString(), "--data", "thyroid", "--out",
                dir.resolve("fused.json").toString());
        assertEquals(ExitCodes.OK, fused.code(), fused.err());
        assertTrue(fused.out().contains("backward tail: shortcut softmax_cross_entropy"), fused.out());

        Cli.Result generic = Cli.run("train", "--config", config.toString(), "--data", "thyroid", "--no-shortcut",
                "--out", dir.resolve("generic.json").toString());
        assertEquals(ExitCodes.FAILED, generic.code(), generic.err());
        String last = generic.err().strip().lines().filter(l -> l.contains("training stopped")).findFirst().orElse(generic.err());
        // the generic cross_entropy sees only s, so -t·ln(0) is already infinite; TrainingStep then runs the
        // generic backward, whose step 1 names the element where t > 0 meets s = 0, and stops before any update
        assertTrue(last.startsWith("plugnet: epoch 1, batch 1 of 9: training stopped: step 1: dL/d(output) of"
                + " cross_entropy: not finite at row "), generic.err());
        assertTrue(last.contains("output 0.0, target 1.0"), last);
        assertFalse(Files.exists(dir.resolve("generic.json")), "nothing trained on, nothing written");
    }
}
