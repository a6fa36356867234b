package dev.plugnet.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input of every kind: one clear line on standard error, exit code 2, no stack trace, and an existing
 * output file left as it was.
 */
class BadInputTest {
    @TempDir
    static Path dir;

    private static Path existing;
    private static Path checkpoint;

    @BeforeAll
    static void trainOnce() throws IOException {
        existing = dir.resolve("existing.json");
        checkpoint = dir.resolve("thyroid.json");
        assertEquals(0, Cli.run("train", "--epochs", "20", "--out", checkpoint.toString()).code());
    }

    /** @return checkpoint text edited on purpose, with a checksum that fits again */
    static String resealed(String text) {
        var json = dev.plugnet.core.Plugnet.boot().json();
        var root = (tools.jackson.databind.node.ObjectNode) json.readTree(text);
        return json.writeValueAsString(dev.plugnet.core.checkpoint.CheckpointChecksum.seal(json, root));
    }

    private static Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Trains on {@code data} into an existing file and checks the failure, returning the one error line. */
    private static String trainFails(Path data, String... more) throws IOException {
        Files.writeString(existing, "precious");
        String[] args = new String[5 + more.length];
        args[0] = "train";
        args[1] = "--data=" + data;
        args[2] = "--out";
        args[3] = existing.toString();
        args[4] = "--force"; // even where replacing a foreign file is allowed, bad input leaves it untouched
        System.arraycopy(more, 0, args, 5, more.length);
        Cli.Result r = Cli.run(args);
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertEquals("precious", Files.readString(existing), "the existing file is untouched");
        return r.errLine();
    }

    @Test
    void aMissingFile() throws IOException {
        assertEquals("plugnet: " + dir.resolve("nope.csv") + ": no such file", trainFails(dir.resolve("nope.csv")));
    }

    @Test
    void anUnreadableFile() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder.csv"));
        assertTrue(trainFails(folder).endsWith("is a folder, not a CSV file"));
    }

    @Test
    void anEmptyFile() throws IOException {
        assertTrue(trainFails(csv("empty.csv", "")).endsWith("empty.csv line 1: is empty; expected a header row and data rows"));
    }

    @Test
    void aHeaderOnly() throws IOException {
        assertTrue(trainFails(csv("header.csv", "a,b,c,d,e,label\n")).endsWith("header.csv line 1: has a header but no data rows"));
    }

    @Test
    void aNonNumericCellNamesItsLineAndColumn() throws IOException {
        String line = trainFails(csv("word.csv", "a,b,c,d,e,label\n1,2,3,4,5,x\n1,2,three,4,5,y\n"));
        assertTrue(line.endsWith("word.csv line 3, column \"c\": expected a number, got \"three\""), line);
    }

    @Test
    void aRaggedRow() throws IOException {
        String line = trainFails(csv("ragged.csv", "a,b,c,d,e,label\n1,2,3,4,5,x\n1,2,3,4,y\n"));
        assertTrue(line.endsWith("ragged.csv line 3: has 5 values, but the header has 6 columns"), line);
    }

    @Test
    void aLabelColumnThatDoesNotExist() throws IOException {
        String line = trainFails(csv("fine.csv", "a,b,c,d,e,label\n1,2,3,4,5,x\n1,2,3,4,5,y\n"), "--label", "class");
        assertTrue(line.endsWith("fine.csv line 1: has no label column \"class\"; columns: a, b, c, d, e, label"), line);
    }

    @Test
    void onlyOneClass() throws IOException {
        String line = trainFails(csv("one.csv", "a,b,c,d,e,label\n1,2,3,4,5,x\n1,2,3,4,5,x\n"));
        assertTrue(line.endsWith("one.csv line 1, column \"label\": has only one class (\"x\"); a classifier needs at least two"),
                line);
    }

    @Test
    void nanAndInfinityInTheData() throws IOException {
        assertTrue(trainFails(csv("nan.csv", "a,b,c,d,e,label\n1,NaN,3,4,5,x\n1,2,3,4,5,y\n"))
                .endsWith("nan.csv line 2, column \"b\": expected a finite number, got \"NaN\""));
        assertTrue(trainFails(csv("inf.csv", "a,b,c,d,e,label\n1,2,3,4,5,x\n1,2,-Infinity,4,5,y\n"))
                .endsWith("inf.csv line 3, column \"c\": expected a finite number, got \"-Infinity\""));
    }

    @Test
    void dataThatDoesNotFitTheModel() throws IOException {
        String line = trainFails(csv("narrow.csv", "a,b,label\n1,2,x\n3,4,y\n"));
        assertTrue(line.endsWith("narrow.csv line 1: has 2 feature columns (a, b), but the model \"thyroid-5-4-3\" has 5 inputs"),
                line);
    }

    @Test
    void badFlags() throws IOException {
        assertTrue(trainFails(Path.of("thyroid"), "--epochs", "0").contains("--epochs must be a positive integer"));
        assertTrue(trainFails(Path.of("thyroid"), "--validation-fraction", "0.5", "--test-fraction", "0.5")
                .contains("must leave rows to train on"));
        assertTrue(trainFails(Path.of("thyroid"), "--optimizer", "adamw")
                .contains("unknown optimizer \"adamw\"; installed optimizers: adam, momentum, sgd"));
        assertTrue(trainFails(Path.of("thyroid"), "--frobnicate").contains("Unknown option: '--frobnicate'"));
    }

    @Test
    void checkpointColumnsThatDoNotMatchTheCsv() throws IOException {
        Path other = csv("other.csv", "x,y,label\n1,2,a\n3,4,b\n");
        Cli.Result r = Cli.run("evaluate", "--model", checkpoint.toString(), "--data", other.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.errLine().contains("other.csv line 1: has no label column \"diagnosis\""), r.err());
        Cli.Result p = Cli.run("predict", "--model", checkpoint.toString(), "--data", other.toString());
        assertEquals(ExitCodes.BAD_INPUT, p.code());
        assertTrue(p.errLine().contains("columns do not match the model: it has no column \"t3_resin_uptake\""), p.err());
    }

    @Test
    void aCheckpointFromANewerFormat() throws IOException {
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, Files.readString(checkpoint).replaceFirst("\"format\" : 2", "\"format\" : 7"));
        Cli.Result r = Cli.run("evaluate", "--model", newer.toString(), "--data", "thyroid");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("plugnet: " + newer + " format: this checkpoint has format 7, newer than this plugnet reads"
                + " (up to 2); upgrade plugnet", r.errLine());
    }

    @Test
    void aCheckpointWhosePluginsAreMissingSaysWhich() throws IOException {
        Path alien = dir.resolve("alien.json");
        Files.writeString(alien, resealed(Files.readString(checkpoint)
                .replace("\"name\" : \"sigmoid\",\n    \"module\" : \"dev.plugnet.activations\"",
                        "\"name\" : \"swish\",\n    \"module\" : \"com.example.swish\"")
                .replace("\"activation\" : {\n        \"type\" : \"sigmoid\"", "\"activation\" : {\n        \"type\" : \"swish\"")));
        Cli.Result r = Cli.run("evaluate", "--model", alien.toString(), "--data", "thyroid");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.errLine().contains("needs plugins that are not installed: activation \"swish\" (module com.example.swish"),
                r.err());
    }

    @Test
    void aCorruptCheckpoint() throws IOException {
        Path half = dir.resolve("half.json");
        String text = Files.readString(checkpoint);
        Files.writeString(half, text.substring(0, text.lastIndexOf('\n', text.length() / 2)));
        Cli.Result r = Cli.run("evaluate", "--model", half.toString(), "--data", "thyroid");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.errLine().contains("truncated: the JSON ends before the checkpoint does"), r.err());
        Cli.Result model = Cli.run("evaluate", "--model", "thyroid", "--data", "thyroid");
        assertEquals(ExitCodes.BAD_INPUT, model.code());
    }
}
