package dev.plugnet.core.hardening;

import dev.plugnet.core.data.CsvTable;
import dev.plugnet.core.data.CsvTableReader;
import dev.plugnet.core.data.DataException;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.data.DatasetReader;
import dev.plugnet.core.data.PreparedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the CSV properties found, one test each: every error names a line, nothing else escapes. */
class CsvReaderRegressionTest {
    @TempDir
    Path dir;

    private static CsvTable read(String text) {
        return new CsvTableReader().read("t.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String message(Runnable r) {
        return assertThrows(DataException.class, r::run).getMessage();
    }

    @Test
    void bytesThatAreNotUtf8NameTheirLineInsteadOfAnIoMessage() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, new byte[] {'a', ',', 'b', '\n', '1', ',', 'x', '\n', '2', ',', (byte) 0xe9, '\n'});
        assertEquals(file + " line 3: not UTF-8 text (byte 11 of the file); save the CSV as UTF-8",
                message(() -> new CsvTableReader().read(file)));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnsName() {
        assertEquals("a", read("\uFEFFa,label\n1,x\n").header().get(0));
    }

    @Test
    void wholeFileProblemsNameALine() {
        assertEquals("t.csv line 1: is empty; expected a header row and data rows", message(() -> read("")));
        assertEquals("t.csv line 3: has a header but no data rows", message(() -> read("\n\na,b\n")));
        assertEquals("t.csv line 2: column name \"a\" appears twice", message(() -> read("\na,a\n1,2\n")));
        assertEquals("t.csv line 1: has only the label column \"label\"; expected at least one feature column"
                + " beside it", message(() -> new DatasetReader().forTraining(read("label\nx\ny\n"), null)));
        assertEquals("t.csv line 1, column \"label\": has only one class (\"x\"); a classifier needs at least two",
                message(() -> new DatasetReader().forTraining(read("a,label\n1,x\n2,x\n"), null)));
        assertEquals("t.csv line 1: has no label column \"c\"; columns: a, label",
                message(() -> new DatasetReader().forTraining(read("a,label\n1,x\n2,y\n"), "c")));
    }

    @Test
    void aValueBeyondTheRangeOfItsStandardisedColumnIsRefusedWithItsRowAndColumn() {
        // found by tablesOfExtremeNumbers…: the training rows of "a" barely vary, so (x - mean) / scale of the
        // last row overflows; it used to become an infinite feature
        StringBuilder csv = new StringBuilder("a,label\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i % 2 == 0 ? "1" : "1.000000000001").append(',').append(i % 2 == 0 ? "x" : "y").append('\n');
        }
        Dataset data = new DatasetReader().forTraining(read(csv.append("1e300,x\n").toString()), null);
        dev.plugnet.core.data.Standardizer fitted = dev.plugnet.core.data.Standardizer.fit(data.features(),
                java.util.stream.IntStream.range(0, 20).toArray(), 1); // the training rows: not the last
        String m = message(() -> dev.plugnet.core.data.Samples.all(data, fitted));
        assertTrue(m.startsWith("t.csv row 21, column \"a\": the value 1.0E300 cannot be standardised:"), m);
    }

    @Test
    void valuesWhoseSumOverflowsAreStandardisedToFiniteFeaturesNotNaN() {
        StringBuilder csv = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i % 2 == 0 ? "1.7e308" : "-1.6e308").append(',').append(i).append(',').append(i % 2 == 0 ? "x" : "y").append('\n');
        }
        Dataset data = new DatasetReader().forTraining(read(csv.toString()), null);
        PreparedData p = PreparedData.prepare(data, 0.1, 0.1, 42, null);
        assertTrue(p.train().features().isFinite() && p.validation().features().isFinite()
                && p.test().features().isFinite(), p.train().features().toString());
        assertTrue(Double.isFinite(p.preprocessing().standardizer().means()[0]));
        assertTrue(Double.isFinite(p.preprocessing().standardizer().scales()[0]));
        // standardised values stay of order one: the two magnitudes land on either side of zero
        assertTrue(Math.abs(p.train().features().get(0, 0)) < 2, p.train().features().toString());
    }
}
