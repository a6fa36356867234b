package dev.plugnet.losses;

import dev.plugnet.api.Matrix;
import dev.plugnet.testkit.LossCheck;
import org.junit.jupiter.api.Test;

/** The testkit's loss check passes on plugnet's own losses, at points whose values are known by hand. */
class LossTestkitTest {
    @Test
    void crossEntropyPassesTheLossCheck() {
        LossCheck.of(new CrossEntropyLossProvider()).outputs(3).batchSize(4)
                .expect(Matrix.row(0.5, 0.5), Matrix.row(1, 0), Math.log(2))
                .expect(Matrix.of(new double[][] {{0.25, 0.75}, {0.5, 0.5}}), Matrix.of(new double[][] {{0, 1},
                        {1, 0}}), -(Math.log(0.75) + Math.log(0.5)) / 2)
                .verify();
    }

    @Test
    void crossEntropyPassesWithProbabilityTargetsAndOtherWidths() {
        LossCheck.of(new CrossEntropyLossProvider()).outputs(7).batchSize(2).seed(3).verify();
        LossCheck.of(new CrossEntropyLossProvider())
                .targets(Matrix.of(new double[][] {{0.2, 0.8}, {0.5, 0.5}, {1, 0}})).verify();
    }

    @Test
    void meanSquaredErrorPassesTheLossCheck() {
        LossCheck.of(new MeanSquaredErrorLossProvider()).outputs(2).batchSize(5)
                .expect(Matrix.row(1, 2), Matrix.row(0, 0), 2.5)
                .expect(Matrix.row(-1, 1), Matrix.row(-1, 1), 0.0)
                .targets(Matrix.of(new double[][] {{0.3, -1.2}, {2, 0}}))
                .verify();
    }
}
