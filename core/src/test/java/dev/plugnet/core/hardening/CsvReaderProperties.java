package dev.plugnet.core.hardening;

import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.data.CsvTable;
import dev.plugnet.core.data.CsvTableReader;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.data.DatasetReader;
import dev.plugnet.core.data.PreparedData;
import dev.plugnet.core.data.Samples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSV reader under mutated and generated input, 17,000 files per run: the bundled data sets with bytes
 * inserted, deleted, replaced, duplicated and cut (10,000), tables generated cell by cell (5,000) and
 * well-formed tables of extreme numbers (2,000); seeded, see {@link ForAll}. Reading,
 * turning into a data set, splitting and standardising either succeeds with finite features or throws one of
 * plugnet's own errors whose location names the file and a line (or a data row and column); nothing else may
 * escape.
 */
@Tag("long")
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
            return Arrays.copyOfRange(a, from, to);
        }

        @Override
        public String toString() {
            return "Edit[kind=" + kind + ", position=" + position + ", value=0x" + Integer.toHexString(value & 0xff)
                    + ", length=" + length + "]";
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

    private static Generator<List<Edit>> edits() {
        Generator<Byte> interesting = Generator.of(",", "\"", "\n", "\r", " ", "\t", "e", "E", "-", "+", ".", "0",
                "9", "N", "I", "x", "d", ";", "#", "\\").map(text -> (byte) text.charAt(0));
        Generator<Byte> raw = Generator.of((byte) 0, (byte) 0x7f, (byte) 0xc3, (byte) 0xa9, (byte) 0xef,
                (byte) 0xbb, (byte) 0xbf, (byte) 0xff, (byte) 0x80);
        Generator<Byte> values = Generator.frequency(Generator.weight(8, interesting), Generator.weight(2, raw),
                Generator.weight(1, Generator.anyByte()));
        Generator<Integer> kinds = Generator.ints(0, 4);
        Generator<Integer> positions = Generator.ints(0, 20_000);
        Generator<Integer> lengths = Generator.ints(1, 400);
        Generator<Edit> edit = random -> new Edit(kinds.next(random), positions.next(random), values.next(random),
                lengths.next(random));
        return edit.list(1, 5);
    }

    /** Edits to one of the bundled data sets. */
    record Mutation(boolean thyroid, List<Edit> edits) {
    }

    @Test
    void mutatedBundledDataNeverEscapesAsAnythingButALocatedPlugnetError() {
        Generator<List<Edit>> edits = edits();
        ForAll.check(10_000, random -> new Mutation(random.nextBoolean(), edits.next(random)), m -> {
            byte[] csv = BUNDLED.get(m.thyroid() ? 1 : 0);
            for (Edit e : m.edits()) {
                csv = e.apply(csv);
            }
            survives(csv);
        });
    }

    // ---- generated tables --------------------------------------------------------------------------

    private static Generator<String> cells() {
        return Generator.oneOf(
                Generator.anyFiniteDouble().map(d -> Double.toString(d)),
                Generator.ints(-3, 3).map(i -> Integer.toString(i)),
                Generator.of("", " ", "NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1.7976931348623157E308",
                        "4.9E-324", "1e400", "0x1p3", "1d", "2f", "1_000", "\"1\"", "\"a,b\"", "\"\"", "\"",
                        "\"unclosed", "a\"b", "yes", "no", "+5", "-0", "00", "\u0661", "\u0000", "\t3\t"),
                Generator.strings(6));
    }

    private static Generator<String> tables() {
        Generator<String> header = Generator.oneOf(Generator.of("a", "b", "c", "label", "", "a"),
                Generator.letters(1, 3)).list(0, 5).map(l -> String.join(",", l));
        Generator<List<String>> rows = cells().list(0, 6).map(l -> String.join(",", l)).list(0, 12);
        Generator<String> separators = Generator.of("\n", "\r\n", "\r", "\n\n");
        return random -> {
            String h = header.next(random);
            List<String> body = rows.next(random);
            String sep = separators.next(random);
            return h + sep + String.join(sep, body) + (body.isEmpty() ? "" : sep);
        };
    }

    private static Generator<String> numericTables() {
        Generator<String> value = Generator.oneOf(Generator.anyFiniteDouble().map(d -> Double.toString(d)),
                Generator.of("1.7e308", "-1.7e308", "1.7976931348623157E308", "-1.7976931348623157E308", "4.9E-324",
                        "0", "1e-300", "1e300"));
        Generator<String> labels = Generator.of("x", "y", "z");
        Generator<String> row = random -> value.next(random) + "," + value.next(random) + "," + labels.next(random);
        return row.list(2, 40).map(rows -> "a,b,label\n" + String.join("\n", rows) + "\n");
    }

    /** Well-formed tables of extreme numbers: what goes wrong here is standardisation, not parsing. */
    @Test
    void tablesOfExtremeNumbersStandardiseToFiniteFeaturesOrALocatedError() {
        ForAll.check(2_000, numericTables(), table -> survives(table.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void generatedTablesNeverEscapeAsAnythingButALocatedPlugnetError() {
        ForAll.check(5_000, tables(), table -> survives(table.getBytes(StandardCharsets.UTF_8)));
    }
}
