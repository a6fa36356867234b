package dev.plugnet.core.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StratifiedFoldsTest {
    @Test
    void everyRowIsInOneFoldAndEachFoldHoldsEachClassInAboutItsShare() {
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            labels[i] = i < 70 ? 0 : i < 90 ? 1 : 2;
        }
        List<int[]> folds = StratifiedFolds.of(labels, 3, 5, 42);
        boolean[] seen = new boolean[100];
        for (int[] fold : folds) {
            int[] counts = new int[3];
            for (int row : fold) {
                assertTrue(!seen[row], "row " + row + " twice");
                seen[row] = true;
                counts[labels[row]]++;
            }
            assertEquals(14, counts[0]);
            assertEquals(4, counts[1]);
            assertEquals(2, counts[2]);
        }
        for (boolean s : seen) {
            assertTrue(s);
        }
        assertEquals(List.of(folds.get(0).length), List.of(StratifiedFolds.of(labels, 3, 5, 42).get(0).length));
        org.junit.jupiter.api.Assertions.assertArrayEquals(folds.get(2), StratifiedFolds.of(labels, 3, 5, 42).get(2),
                "the same seed deals the same folds");
    }
}
