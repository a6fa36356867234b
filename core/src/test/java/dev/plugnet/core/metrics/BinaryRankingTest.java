package dev.plugnet.core.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BinaryRankingTest {
    @Test
    void matchesScikitLearnsDocumentedExample() {
        // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75;
        // average_precision_score(same) == 0.8333...
        BinaryRanking r = BinaryRanking.of(new boolean[] {false, false, true, true}, new double[] {0.1, 0.4, 0.35, 0.8});
        assertEquals(0.75, r.rocAuc(), 1e-15);
        assertEquals(5.0 / 6, r.averagePrecision(), 1e-15);
    }

    @Test
    void tiedScoresAreOneThresholdAndCountOneHalfInTheAuc() {
        // positives 0.9, 0.8, 0.4; negatives 0.7, 0.4, 0.1
        // pairs ranked right: 3 + 3 + (1 + one half for the tie) = 7.5 of 9
        // thresholds: 0.9 (P 1, R 1/3), 0.8 (P 1, R 2/3), 0.7 (R unchanged), 0.4 (P 3/5, R 1)
        BinaryRanking r = BinaryRanking.of(new boolean[] {true, true, true, false, false, false},
                new double[] {0.9, 0.8, 0.4, 0.7, 0.4, 0.1});
        assertEquals(7.5 / 9, r.rocAuc(), 1e-15);
        assertEquals((1 + 1 + 0.6) / 3, r.averagePrecision(), 1e-15);
    }

    @Test
    void aPerfectRankingScoresOneAndAReversedOneScoresZero() {
        boolean[] positive = {true, true, false, false};
        assertEquals(1.0, BinaryRanking.of(positive, new double[] {0.9, 0.6, 0.5, 0.1}).rocAuc());
        assertEquals(1.0, BinaryRanking.of(positive, new double[] {0.9, 0.6, 0.5, 0.1}).averagePrecision());
        assertEquals(0.0, BinaryRanking.of(positive, new double[] {0.1, 0.2, 0.5, 0.9}).rocAuc());
    }

    @Test
    void oneClassOnlyIsUndefined() {
        BinaryRanking onlyNegatives = BinaryRanking.of(new boolean[] {false, false}, new double[] {0.2, 0.3});
        assertEquals(Double.NaN, onlyNegatives.rocAuc());
        assertEquals(Double.NaN, onlyNegatives.averagePrecision());
        BinaryRanking onlyPositives = BinaryRanking.of(new boolean[] {true, true}, new double[] {0.2, 0.3});
        assertEquals(Double.NaN, onlyPositives.rocAuc());
        assertEquals(1.0, onlyPositives.averagePrecision());
    }
}
