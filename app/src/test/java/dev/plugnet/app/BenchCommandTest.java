package dev.plugnet.app;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code plugnet bench} runs the real training step and reports every figure; no timing is asserted. */
class BenchCommandTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void seedWorkloadReportsJsonWithZeroAllocationFields() {
        String[] r = run("bench", "--json", "--seconds", "0.05", "--windows", "3", "--warmup", "0.2", "--threads", "1");
        assertEquals("0", r[0], r[2]);
        String json = r[1];
        for (String field : new String[] {"\"workload\": \"seed\"", "\"network\": \"5-4-3\"", "\"batch\": 16",
            "\"threads\": 1", "\"samples_per_s\"", "\"gflops\"", "\"bytes_per_step\"", "softmax_cross_entropy"}) {
            assertTrue(json.contains(field), field + " missing in " + json);
        }
    }

    @Test
    void aWarmedUpStepAllocatesNothingWithFullAndShortBatchesAlike() {
        // 215 thyroid rows in batches of 16: every epoch ends with a batch of 7, so both buffer sizes are in use
        String[] r = run("bench", "--json", "--seconds", "0.2", "--windows", "3", "--warmup", "0.5", "--threads", "1");
        assertEquals("0", r[0], r[2]);
        // the median window allocates nothing; a rare JIT event (deoptimisation re-materialising an object)
        // may put a few bytes into one window, far below one object per step
        java.util.regex.Matcher median = java.util.regex.Pattern.compile("\"bytes_per_step\": ([0-9.e+-]+)").matcher(r[1]);
        assertTrue(median.find(), r[1]);
        assertEquals(0.0, Double.parseDouble(median.group(1)), 1.0, r[1]);
    }

    @Test
    void wideWorkloadRunsWithTwoThreadsAndSaysSo() {
        String[] r = run("bench", "--workload", "wide", "--batch", "8", "--seconds", "0.05", "--windows", "1",
                "--warmup", "0", "--threads", "2");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("network 784-256-10, batch 8, 2 threads"), r[1]);
        assertTrue(r[1].contains("bytes/step"), r[1]);
    }

    @Test
    void badNumbersAreBadInput() {
        String[] r = run("bench", "--windows", "0");
        assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0]);
        assertTrue(r[2].contains("must be positive"), r[2]);
    }
}
