package dev.plugnet.core.hardening;

import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.data.CsvTable;
import dev.plugnet.core.data.CsvTableReader;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.data.DatasetReader;
import dev.plugnet.core.data.PreparedData;
import dev.plugnet.core.data.Samples;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSV reader under mutated and generated input, 17,000 files per run: the bundled data sets with bytes
 * inserted, deleted, replaced, duplicated and cut (10,000), tables generated cell by cell (5,000) and
 * well-formed tables of extreme numbers (2,000). Reading,
 * turning into a data set, splitting and standardising either succeeds with finite features or throws one of
 * plugnet's own errors whose location names the file and a line (or a data row and column); nothing else may
 * escape.
 */
class CsvReaderProperties {
    private static final String EXAMPLES = "../app/src/main/resources/dev/plugnet/app/examples/";
    private static final List<byte[]> BUNDLED = List.of(bytes("iris.csv"), bytes("new-thyroid.csv"));
    private static final String SOURCE = "fuzzed.csv";

    private static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(Path.of(EXAMPLES + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads, builds a data set, splits and standardises; only a located PlugnetException may come out. */
    static void survives(byte[] csv) {
        try {
            CsvTable table = new CsvTableReader().read(SOURCE, new ByteArrayInputStream(csv));
            Dataset data = new DatasetReader().forTraining(table, null);
            PreparedData prepared = PreparedData.prepare(data, 0.15, 0.2, 42, null);
            for (Samples s : List.of(prepared.train(), prepared.validation(), prepared.test())) {
                assertTrue(s.features().isFinite(), () -> "non-finite standardised features for:\n"
                        + new String(csv, StandardCharsets.UTF_8));
            }
        } catch (PlugnetException e) {
            String where = e.location();
            assertTrue(where.startsWith(SOURCE + " line ") || where.matches(java.util.regex.Pattern.quote(SOURCE)
                    + " row \\d+, column \".*\""), () -> "no line, or row and column, in \"" + e.getMessage()
                    + "\" for:\n" + new String(csv, StandardCharsets.UTF_8));
            assertFalse(e.problem().isBlank());
        }
    }

    // ---- byte mutations of the bundled data sets --------------------------------------------------

    record Edit(int kind, int position, byte value, int length) {
        byte[] apply(byte[] in) {
            int at = Math.floorMod(position, in.length + 1);
            int end = Math.min(in.length, at + length);
            return switch (kind) {
                case 0 -> concat(slice(in, 0, at), new byte[] {value}, slice(in, at, in.length));            // insert
                case 1 -> concat(slice(in, 0, at), slice(in, end, in.length));                                 // delete
                case 2 -> concat(slice(in, 0, at), new byte[] {value}, slice(in, Math.min(in.length, at + 1), in.length));
                case 3 -> concat(slice(in, 0, end), slice(in, at, in.length));                                 // duplicate
                default -> slice(in, 0, at);                                                                   // truncate
            };
        }

        private static byte[] slice(byte[] a, int from, int to) {
            return java.util.Arrays.copyOfRange(a, from, to);
        }

        private static byte[] concat(byte[]... parts) {
            int n = 0;
            for (byte[] p : parts) {
                n += p.length;
            }
            byte[] out = new byte[n];
            int at = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
            return out;
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Byte> interesting = Arbitraries.of(",", "\"", "\n", "\r", " ", "\t", "e", "E", "-", "+", ".", "0",
                "9", "N", "I", "x", "d", ";", "#", "\\").map(s -> (byte) s.charAt(0));
        Arbitrary<Byte> raw = Arbitraries.of((byte) 0, (byte) 0x7f, (byte) 0xc3, (byte) 0xa9, (byte) 0xef,
                (byte) 0xbb, (byte) 0xbf, (byte) 0xff, (byte) 0x80);
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 20_000), Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(8, interesting), net.jqwik.api.Tuple.of(2, raw),
                        net.jqwik.api.Tuple.of(1, Arbitraries.bytes())),
                Arbitraries.integers().between(1, 400)).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 10_000)
    void mutatedBundledDataNeverEscapesAsAnythingButALocatedPlugnetError(@ForAll("edits") List<Edit> edits,
                                                                          @ForAll boolean thyroid) {
        byte[] csv = BUNDLED.get(thyroid ? 1 : 0);
        for (Edit e : edits) {
            csv = e.apply(csv);
        }
        survives(csv);
    }

    // ---- generated tables --------------------------------------------------------------------------

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().map(d -> Double.toString(d)),
                Arbitraries.integers().between(-3, 3).map(i -> Integer.toString(i)),
                Arbitraries.of("", " ", "NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1.7976931348623157E308",
                        "4.9E-324", "1e400", "0x1p3", "1d", "2f", "1_000", "\"1\"", "\"a,b\"", "\"\"", "\"",
                        "\"unclosed", "a\"b", "yes", "no", "+5", "-0", "00", "١", "\u0000", "\t3\t"),
                Arbitraries.strings().ofMaxLength(6));
    }

    @Provide
    Arbitrary<String> tables() {
        Arbitrary<String> header = Arbitraries.oneOf(Arbitraries.of("a", "b", "c", "label", "", "a"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(3)).list().ofMinSize(0).ofMaxSize(5)
                .map(l -> String.join(",", l));
        Arbitrary<String> row = cells().list().ofMinSize(0).ofMaxSize(6).map(l -> String.join(",", l));
        Arbitrary<String> separator = Arbitraries.of("\n", "\r\n", "\r", "\n\n");
        return Combinators.combine(header, row.list().ofMaxSize(12), separator)
                .as((h, rows, sep) -> h + sep + String.join(sep, rows) + (rows.isEmpty() ? "" : sep));
    }

    @Provide
    Arbitrary<String> numericTables() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.doubles().map(d -> Double.toString(d)),
                Arbitraries.of("1.7e308", "-1.7e308", "1.7976931348623157E308", "-1.7976931348623157E308", "4.9E-324",
                        "0", "1e-300", "1e300"));
        Arbitrary<String> row = Combinators.combine(value, value, Arbitraries.of("x", "y", "z"))
                .as((a, b, label) -> a + "," + b + "," + label);
        return row.list().ofMinSize(2).ofMaxSize(40).map(rows -> "a,b,label\n" + String.join("\n", rows) + "\n");
    }

    /** Well-formed tables of extreme numbers: what goes wrong here is standardisation, not parsing. */
    @Property(tries = 2_000)
    void tablesOfExtremeNumbersStandardiseToFiniteFeaturesOrALocatedError(@ForAll("numericTables") String table) {
        survives(table.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 5_000)
    void generatedTablesNeverEscapeAsAnythingButALocatedPlugnetError(@ForAll("tables") String table) {
        survives(table.getBytes(StandardCharsets.UTF_8));
    }
}
