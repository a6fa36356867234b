package dev.plugnet.compute.java.rows;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The row-chunk workers: every row of every job exactly once, jobs back to back, the caller never stranded. */
class RowWorkersTest {
    @Test
    void backToBackJobsOfDifferentSizesEachComputeEveryRowOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int threads : new int[] {2, 3}) {
                try (RowWorkers workers = new RowWorkers(threads, "test")) {
                    for (int job = 0; job < 20_000; job++) {
                        int rows = 2 + job % 37;
                        int chunks = 2 + job % 9;
                        AtomicIntegerArray seen = new AtomicIntegerArray(rows);
                        workers.run((t, from, to) -> {
                            for (int i = from; i < to; i++) {
                                seen.incrementAndGet(i);
                            }
                        }, rows, chunks);
                        for (int i = 0; i < rows; i++) {
                            assertEquals(1, seen.get(i), "job " + job + ", row " + i);
                        }
                    }
                }
            }
        });
    }

    @Test
    void chunkBoundariesDependOnlyOnTheRowAndChunkCounts() {
        try (RowWorkers workers = new RowWorkers(2, "test")) {
            StringBuffer bounds = new StringBuffer();
            workers.run((t, from, to) -> bounds.append(from).append('-').append(to).append(' '), 10, 4);
            String[] parts = bounds.toString().trim().split(" ");
            Arrays.sort(parts);
            assertEquals("[0-3, 3-6, 6-9, 9-10]", Arrays.toString(parts));
        }
    }
}
