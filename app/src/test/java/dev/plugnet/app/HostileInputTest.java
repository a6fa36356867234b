package dev.plugnet.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile tester's second round, through the real command line: devices and FIFOs as inputs (made in the
 * temporary folder), foreign encodings, binary bytes, huge values in messages, control characters, forged and
 * legacy checkpoints, resumed runs that would re-split, and flags beyond their limits. Each is one line on
 * standard error with its exit code, and nothing grows without bound.
 */
@Timeout(120)
class HostileInputTest {
    private static final tools.jackson.databind.ObjectMapper JSON = dev.plugnet.core.Plugnet.boot().json();
    @TempDir
    static Path dir;

    private static Path model;
    private static Path data;
    private static Path config;

    @BeforeAll
    static void trainOnce() throws IOException {
        data = dir.resolve("thyroid.csv");
        try (var in = BundledExample.class.getResourceAsStream("examples/new-thyroid.csv")) {
            Files.write(data, in.readAllBytes());
        }
        config = dir.resolve("config.json");
        Files.writeString(config, config("small", ""));
        model = dir.resolve("model.json");
        Cli.Result r = Cli.run("train", "--config", config.toString(), "--data", data.toString(), "--out",
                model.toString());
        assertEquals(0, r.code(), r.err());
    }

    private static String config(String name, String training) {
        return "{\"name\": " + JSON.writeValueAsString(name) + ", \"inputs\": 5, \"layers\": [{\"type\":"
                + " \"dense\", \"units\": 4, \"activation\": \"sigmoid\"}, {\"type\": \"dense\", \"units\": 3,"
                + " \"activation\": \"softmax\"}], \"loss\": \"cross_entropy\", \"optimizer\": \"adam\","
                + " \"training\": {\"epochs\": 3" + training + "}}";
    }

    private static String fails(int code, String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(code, r.code(), r.err());
        return r.errLine();
    }

    private static String bad(String... args) {
        return fails(ExitCodes.BAD_INPUT, args);
    }

    @Test
    void aZeroDeviceAsConfigDataOrModelIsRefusedAtItsFirstBytes() throws IOException {
        Path zero = SpecialFiles.zeroDevice(Files.createDirectories(dir.resolve("zero")));
        assertEquals("plugnet: " + zero + " byte 1: holds a NUL byte: not a text model file",
                bad("train", "--config", zero.toString(), "--data", data.toString()));
        assertEquals("plugnet: " + zero + " line 1: holds a NUL byte (byte 1 of the file): not a text CSV file",
                bad("train", "--config", config.toString(), "--data", zero.toString()));
        assertTrue(bad("evaluate", "--model", zero.toString(), "--data", data.toString()).startsWith("plugnet: "
                + zero + " line 1: not a plugnet checkpoint: not JSON (it starts with \"\\u0000"));
    }

    @Test
    void aRandomDeviceAsDataOrModelIsRefusedAtItsFirstBytes() throws IOException {
        Path random = SpecialFiles.characterDevice(Files.createDirectories(dir.resolve("random")), "urandom", 1, 9);
        assertTrue(bad("train", "--config", config.toString(), "--data", random.toString()).contains(": holds a NUL"
                + " byte"));
        assertTrue(bad("predict", "--model", random.toString(), "--data", data.toString())
                .contains("not a plugnet checkpoint"));
    }

    @Test
    void aFifoIsReadAsAStreamUpToItsEnd() throws Exception {
        Path fifo = SpecialFiles.fifo(Files.createDirectories(dir.resolve("fifo")), "data.csv");
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(Files.readAllBytes(data));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        Cli.Result r = Cli.run("evaluate", "--model", model.toString(), "--data", fifo.toString());
        writer.join();
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("of 215 rows"), r.out());
    }

    @Test
    void aConfigThatIsNotUtf8SaysSo() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.json"), config("caf\u00e9", "").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("plugnet: " + latin1 + " byte 14: not UTF-8 text; save the model file as UTF-8",
                bad("train", "--config", latin1.toString(), "--data", data.toString()));
        Path utf16 = Files.write(dir.resolve("utf16.json"), config("m", "").getBytes(StandardCharsets.UTF_16));
        assertEquals("plugnet: " + utf16 + ": is UTF-16 text; save the model file as UTF-8",
                bad("train", "--config", utf16.toString(), "--data", data.toString()));
    }

    @Test
    void aNumberBeyondADoubleInAConfigSaysNotFinite() throws IOException {
        Path huge = Files.writeString(dir.resolve("huge.json"), config("m", "").replace("\"units\": 4", "\"units\": 1e400"));
        assertEquals("plugnet: " + huge + " layers[0].units: expected a finite number, got 1e400, beyond the range"
                + " of a double (±1.8e308)", bad("train", "--config", huge.toString(), "--data", data.toString()));
    }

    @Test
    void csvCellsWithNulHexOrTwoByteOrderMarksAreRefused() throws IOException {
        String text = Files.readString(data);
        Path nul = Files.writeString(dir.resolve("nul.csv"), text.replaceFirst("107", "10\u00007"));
        assertEquals("plugnet: " + nul + " line 2: holds a NUL byte (byte 90 of the file): not a text CSV file",
                bad("train", "--config", config.toString(), "--data", nul.toString()));
        Path hex = Files.writeString(dir.resolve("hex.csv"), text.replaceFirst("107", "0x1p3"));
        assertEquals("plugnet: " + hex + " line 2, column \"t3_resin_uptake\": expected a number, got \"0x1p3\"",
                bad("train", "--config", config.toString(), "--data", hex.toString()));
        Path boms = Files.writeString(dir.resolve("boms.csv"), "\uFEFF\uFEFF" + text);
        assertEquals("plugnet: " + boms + " line 1: starts with two byte-order marks (U+FEFF); save the CSV as UTF-8"
                + " with one at most", bad("train", "--config", config.toString(), "--data", boms.toString()));
    }

    @Test
    void aHugeCellIsCutInTheMessageWithItsLength() throws IOException {
        String cell = "9".repeat(50) + "x".repeat(10_000_000);
        Path big = Files.writeString(dir.resolve("big.csv"), Files.readString(data).replaceFirst("107", cell));
        String line = bad("train", "--config", config.toString(), "--data", big.toString());
        assertTrue(line.length() < 400, line.length() + " characters");
        assertTrue(line.endsWith("expected a number, got \"" + cell.substring(0, 80) + "…\" (10,000,050 characters)"),
                line);
    }

    @Test
    void controlCharactersFromAConfigNeverReachTheTerminalRaw() throws IOException {
        Path evil = Files.writeString(dir.resolve("evil.json"), config("x\u001b[2J\r\u0000y", "")
                .replace("\"inputs\": 5", "\"inputs\": 6"));
        String line = bad("train", "--config", evil.toString(), "--data", data.toString());
        assertTrue(line.contains("\"x\\u001b[2J\\u000d\\u0000y\""), line);
        assertTrue(line.chars().noneMatch(c -> c < 0x20), line);
    }

    @Test
    void aClassNamedLikeAFormulaIsQuotedInPredictions() throws IOException {
        Path formula = Files.writeString(dir.resolve("formula.csv"), Files.readString(data)
                .replace(",normal", ",=cmd|' /C calc'!A0").replace(",hyper", ",+hyper").replace(",hypo", ",@hypo"));
        Path out = dir.resolve("formula.json");
        assertEquals(0, Cli.run("train", "--config", config.toString(), "--data", formula.toString(), "--out",
                out.toString()).code());
        Cli.Result r = Cli.run("predict", "--model", out.toString(), "--data", formula.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("row,predicted,\"'=cmd|' /C calc'!A0\",\"'+hyper\",\"'@hypo\"")
                || r.out().startsWith("row,predicted,p_"), r.out());
        assertTrue(r.out().lines().skip(1).allMatch(l -> l.matches("\\d+,\"'[=+@].*")), r.out());
        assertEquals("-1.5", CsvCells.cell("-1.5"));
        assertEquals("\"'-cmd\"", CsvCells.cell("-cmd"));
    }

    @Test
    void resumeRefusesAnythingThatWouldReSplitTheRows() throws IOException {
        assertTrue(bad("train", "--resume", model.toString(), "--epochs", "1", "--test-fraction", "0.3", "--out",
                dir.resolve("r1.json").toString()).endsWith("a resumed run keeps its test fraction (0.2), which defines"
                + " its split or its state; got 0.3 (start a new run to change it)"));
        assertTrue(bad("train", "--resume", model.toString(), "--epochs", "1", "--validation-fraction", "0.1",
                "--out", dir.resolve("r2.json").toString()).contains("keeps its validation fraction (0.15)"));
        Path other = Files.copy(data, dir.resolve("other.csv"));
        assertTrue(bad("train", "--resume", model.toString(), "--epochs", "1", "--data", other.toString(), "--out",
                dir.resolve("r3.json").toString()).contains("keeps its data (" + data + ")"));
        Path sameFile = dir.resolve("fifo/../" + data.getFileName());
        Files.createDirectories(dir.resolve("fifo"));
        assertEquals(0, Cli.run("train", "--resume", model.toString(), "--epochs", "1", "--data", sameFile.toString(),
                "--out", dir.resolve("r4.json").toString()).code());
        assertTrue(!Files.exists(dir.resolve("r1.json")) && !Files.exists(dir.resolve("r2.json")));
    }

    @Test
    void aFormatOneCheckpointIsReadWithAWarningAndNeverResumed() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(model));
        root.remove("checksum");
        root.put("format", 1);
        Path legacy = Files.writeString(dir.resolve("legacy.json"), JSON.writeValueAsString(root));
        Cli.Result r = Cli.run("evaluate", "--model", legacy.toString(), "--data", data.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.errLine().startsWith("plugnet: warning: " + legacy + " is a format-1 checkpoint, written before"
                + " checkpoints had checksums"), r.err());
        Cli.Result resumed = Cli.run("train", "--resume", legacy.toString(), "--epochs", "1", "--out",
                dir.resolve("from-legacy.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, resumed.code());
        assertTrue(resumed.err().contains("--resume " + legacy + ": a format-1 checkpoint cannot be verified, so a"
                + " run is not resumed from it"), resumed.err());
    }

    @Test
    void explainNeverOpensAPathNamedOnlyInsideTheCheckpoint() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(model));
        Path secret = Files.writeString(dir.resolve("secret.csv"), "password,label\nhunter2,x\n");
        root.put("data", secret.toString());
        Path planted = Files.writeString(dir.resolve("planted.json"), JSON.writeValueAsString(
                dev.plugnet.core.checkpoint.CheckpointChecksum.seal(JSON, root)));
        Cli.Result r = Cli.run("explain", "--model", planted.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(!r.out().contains("password") && !r.out().contains("hunter2") && !r.err().contains("password"),
                r.out());
        assertTrue(r.out().contains("random"), r.out());
    }

    @Test
    void flagsBeyondTheirLimits() {
        assertTrue(bad("train", "--threads", "100000").contains("--threads must be from 1 to "
                + 4 * Runtime.getRuntime().availableProcessors()));
        assertTrue(bad("train", "--learning-rate", "1e300").contains("--learning-rate must be above 0 and at most"
                + " 1000.0, got 1.0E300"));
        assertTrue(bad("bench", "--seconds", "NaN").startsWith("plugnet: --windows, --batch and --threads must be"));
        assertTrue(bad("bench", "--threads", "100000").startsWith("plugnet: --threads must be from 1 to "));
        assertTrue(bad("train", "--plugins", "", "--epochs", "1").startsWith("plugnet: --plugins: an empty folder"
                + " name"));
    }

    @Test
    void gradcheckRefusesAHugeModelUpFrontAndStatesItsWork() throws IOException {
        Path wide = Files.writeString(dir.resolve("wide.json"), config("wide", "").replace("\"inputs\": 5",
                "\"inputs\": 3000").replace("\"units\": 4", "\"units\": 3000"));
        long start = System.nanoTime();
        String line = bad("gradcheck", "--config", wide.toString());
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "refused before any work");
        assertEquals("plugnet: " + wide + ": the model has 9,012,003 parameters, more than --max-parameters 100,000:"
                + " the check would run 18,024,007 forward passes (about 6.5e+14 multiply-adds); give --max-parameters"
                + " 9012003 to run it anyway", line);
        Cli.Result r = Cli.run("gradcheck", "--config", config.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("gradcheck: small, 39 parameters, batch of 4 rows (seed 42); 79 forward passes"),
                r.out());
        assertTrue(bad("gradcheck", "--config", config.toString(), "--max-parameters", "10")
                .contains("the model has 39 parameters, more than --max-parameters 10"));
    }

    @Test
    void aCosineMinimumAboveTheLearningRateIsRefused() throws IOException {
        Path cosine = Files.writeString(dir.resolve("cosine.json"), config("m",
                ", \"schedule\": {\"type\": \"cosine\", \"min_rate\": 0.5}"));
        assertTrue(bad("train", "--config", cosine.toString(), "--data", data.toString(), "--out",
                dir.resolve("cosine-out.json").toString()).endsWith("training.schedule.min_rate: expected at most the"
                + " optimizer's learning rate (0.001): a cosine schedule anneals down to it, got 0.5"));
    }

    @Test
    void aNameThatWouldHideTheDefaultOutputBecomesModel() {
        Path runs = dir.resolve("runs-names");
        assertEquals(runs.resolve("model.json"), OutputFiles.freshCheckpoint(runs, ""));
        assertEquals(runs.resolve("model.json"), OutputFiles.freshCheckpoint(runs, ".."));
        assertEquals(runs.resolve("x.json"), OutputFiles.freshCheckpoint(runs, ".x"));
        assertEquals(runs.resolve("a_b.json"), OutputFiles.freshCheckpoint(runs, "a/b"));
    }
}
