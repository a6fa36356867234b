package dev.plugnet.api.support;

import dev.plugnet.api.Matrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class BatchBufferTest {
    @Test
    void aFullAndAShortBatchEachKeepTheirOwnMatrix() {
        BatchBuffer buffer = new BatchBuffer(3);
        Matrix full = buffer.rows(16);
        Matrix last = buffer.rows(7);
        assertEquals("(16×3)", full.shape());
        assertEquals("(7×3)", last.shape());
        assertSame(full, buffer.rows(16));
        assertSame(last, buffer.rows(7));
        assertSame(full, buffer.rows(16));
    }

    @Test
    void batchBufferKeepsFourBatchSizesAndDropsTheLeastRecentlyUsed() {
        BatchBuffer buffer = new BatchBuffer(2);
        Matrix a = buffer.rows(16);
        Matrix b = buffer.rows(11);
        Matrix c = buffer.rows(1);
        Matrix d = buffer.rows(5);
        for (int round = 0; round < 3; round++) { // training, validation and test sizes, as in one epoch
            assertSame(a, buffer.rows(16));
            assertSame(b, buffer.rows(11));
            assertSame(c, buffer.rows(1));
            assertSame(d, buffer.rows(5));
        }
        Matrix e = buffer.rows(3);                // a fifth size evicts the least recently used (16)
        assertSame(d, buffer.rows(5));
        assertSame(e, buffer.rows(3));
        assertNotSame(a, buffer.rows(16));
    }
}
