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
            workers.run((t, from, to) -> {
                synchronized (bounds) { // one chunk's text at a time: the threads' appends must not interleave
                    bounds.append(from).append('-').append(to).append(' ');
                }
            }, 10, 4);
            String[] parts = bounds.toString().trim().split(" ");
            Arrays.sort(parts);
            assertEquals("[0-3, 3-6, 6-9, 9-10]", Arrays.toString(parts));
        }
    }

    @Test
    void afterAWorkerStallsTheCallerComputesTheSameChunksAloneAndCountsTheStall() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (RowWorkers workers = new RowWorkers(2, "test")) {
                // a worker that takes a chunk stays on it ten times as long as the caller takes on its own: a
                // stall, as when the OS pauses the worker; tried until the worker has claimed a chunk in time
                StringBuffer threadsSeen = new StringBuffer();
                for (int attempt = 0; attempt < 50 && workers.stalls() == 0; attempt++) {
                    workers.run((t, from, to) -> sleep(t == 0 ? 5 : 50), 2, 2);
                }
                assertEquals(1, workers.stalls(), "no stall seen in 50 jobs");
                StringBuffer bounds = new StringBuffer();
                for (int job = 0; job < RowWorkers.SOLO_FIRST; job++) {
                    bounds.setLength(0);
                    workers.run((t, from, to) -> {
                        threadsSeen.append(t);
                        bounds.append(from).append('-').append(to).append(' ');
                    }, 10, 4);
                    assertEquals("0-3 3-6 6-9 9-10", bounds.toString().trim(), "job " + job);
                }
                assertEquals("0".repeat(4 * RowWorkers.SOLO_FIRST), threadsSeen.toString());
                assertEquals(1, workers.stalls());
            }
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
