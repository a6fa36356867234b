package dev.plugnet.losses;

import dev.plugnet.api.LossContext;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.Options;
import dev.plugnet.testkit.LossCheck;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code mae} and {@code huber}: values by hand, gradients against finite differences through the testkit. */
class RegressionLossesTest {
    private static Matrix gradient(dev.plugnet.api.Loss loss, Matrix y, Matrix t) {
        Matrix d = Matrix.zeros(y.rows(), y.cols());
        loss.gradient(y, t, d);
        return d;
    }

    @Test
    void meanAbsoluteErrorByHand() {
        MeanAbsoluteErrorLoss mae = new MeanAbsoluteErrorLoss();
        Matrix y = Matrix.of(new double[] {3, -0.5}, new double[] {2, 7});
        Matrix t = Matrix.of(new double[] {2.5, 0}, new double[] {2, 8});
        assertEquals((0.5 + 0.5 + 0 + 1) / 4, mae.value(y, t), 1e-15);
        assertEquals(Matrix.of(new double[] {0.25, -0.25}, new double[] {0, -0.25}), gradient(mae, y, t));
    }

    @Test
    void huberIsSquaredNearTheTargetAndAbsoluteBeyondDelta() {
        HuberLoss huber = new HuberLoss(1.0);
        Matrix y = Matrix.of(new double[] {0.5, 3, -2});
        Matrix t = Matrix.of(new double[] {0, 0, 0});
        // e = 0.5: 0.125; e = 3: 1 (3 - 0.5) = 2.5; e = -2: 1.5
        assertEquals((0.125 + 2.5 + 1.5) / 3, huber.value(y, t), 1e-15);
        assertEquals(Matrix.of(new double[] {0.5 / 3, 1.0 / 3, -1.0 / 3}), gradient(huber, y, t));
        HuberLoss wide = new HuberLoss(10);
        assertEquals(new MeanSquaredErrorLoss().value(y, t) / 2, wide.value(y, t), 1e-15,
                "within delta Huber is half the squared error");
    }

    @Test
    void bothPassTheTestkitsLossCheck() {
        LossCheck.of(new MeanAbsoluteErrorLossProvider()).outputs(2).batchSize(5)
                .expect(Matrix.row(1, 2), Matrix.row(0, 0), 1.5).verify();
        LossCheck.of(new HuberLossProvider()).outputs(3).batchSize(4)
                .expect(Matrix.row(0.5, 3, -2), Matrix.row(0, 0, 0), (0.125 + 2.5 + 1.5) / 3).verify();
        LossCheck.of(new HuberLossProvider()).options(Map.of("delta", 0.1)).outputs(2).batchSize(3).verify();
    }

    @Test
    void huberReadsItsDelta() {
        HuberLossProvider provider = new HuberLossProvider();
        var loss = provider.create(new LossContext(Options.parse(provider.options(), Map.of("delta", 2.0), "loss"), 1));
        assertEquals(2.0 * (5 - 1.0), loss.value(Matrix.row(5), Matrix.row(0)), 1e-15);
    }
}
