package dev.plugnet.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the commands write, through the real command line: a device, a FIFO, a folder or a link to one is
 * never replaced; no output is ever one of the inputs, however it is spelled; an existing file is replaced only
 * when it is plugnet's own file of that kind, or with --force. Device nodes are made in the temporary folder.
 */
class OutputTargetsTest {
    @TempDir
    static Path dir;

    private static Path model;
    private static Path data;
    private static Path config;

    @BeforeAll
    static void trainOnce() throws IOException {
        model = dir.resolve("model.json");
        assertEquals(0, Cli.run("train", "--epochs", "2", "--out", model.toString()).code());
        data = dir.resolve("thyroid.csv");
        try (var in = BundledExample.class.getResourceAsStream("examples/new-thyroid.csv")) {
            Files.write(data, in.readAllBytes());
        }
        config = dir.resolve("config.json");
        Files.writeString(config, """
                {"name": "small", "inputs": 5, "layers": [{"type": "dense", "units": 4, "activation": "sigmoid"},
                 {"type": "dense", "units": 3, "activation": "softmax"}], "loss": "cross_entropy",
                 "optimizer": "adam", "training": {"epochs": 2}}
                """);
    }

    private static String refused(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        return r.errLine();
    }

    @Test
    void aDeviceNamedAsTrainOutStaysADevice() throws IOException {
        Path nul = SpecialFiles.nullDevice(Files.createDirectories(dir.resolve("dev1")));
        String line = refused("train", "--epochs", "2", "--out", nul.toString());
        assertEquals("plugnet: --out " + nul + ": is a character device, not a regular file; plugnet writes only"
                + " regular files", line);
        assertTrue(SpecialFiles.isCharacterDevice(nul));
        line = refused("train", "--epochs", "2", "--out", nul.toString(), "--force");
        assertTrue(line.contains("is a character device"), line);
        assertTrue(SpecialFiles.isCharacterDevice(nul));
    }

    @Test
    void aDeviceNamedAsPredictOutPlotOrSchemaStaysADevice() throws IOException {
        Path nul = SpecialFiles.nullDevice(Files.createDirectories(dir.resolve("dev2")));
        assertTrue(refused("predict", "--model", model.toString(), "--data", "thyroid", "--out", nul.toString())
                .endsWith("--out " + nul + ": is a character device, not a regular file; plugnet writes only regular"
                        + " files"));
        assertTrue(refused("train", "--epochs", "2", "--out", dir.resolve("p.json").toString(), "--plot",
                nul.toString()).contains("--plot " + nul + ": is a character device"));
        assertTrue(refused("plugins", "--schema", nul.toString(), "--force").contains("--schema " + nul
                + ": is a character device"));
        assertTrue(SpecialFiles.isCharacterDevice(nul));
    }

    @Test
    void aFifoAFolderAndLinksToThemAreRefused() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("dev3"));
        Path fifo = SpecialFiles.fifo(sub, "pipe");
        assertTrue(refused("train", "--epochs", "2", "--out", fifo.toString())
                .endsWith(": is a FIFO (named pipe), not a regular file; plugnet writes only regular files"));
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo));
        Path folder = Files.createDirectories(sub.resolve("folder.json"));
        assertTrue(refused("train", "--epochs", "2", "--out", folder.toString()).endsWith(": is a folder, not a"
                + " regular file; plugnet writes only regular files"));
        Path nul = SpecialFiles.nullDevice(sub);
        Path link = Files.createSymbolicLink(sub.resolve("link.json"), nul);
        assertTrue(refused("train", "--epochs", "2", "--out", link.toString()).contains("is a character device"));
        assertTrue(SpecialFiles.isCharacterDevice(nul) && Files.isSymbolicLink(link));
        Path dangling = Files.createSymbolicLink(sub.resolve("dangling.json"), sub.resolve("nowhere.json"));
        assertTrue(refused("train", "--epochs", "2", "--out", dangling.toString())
                .endsWith("is a symbolic link to a file that does not exist; plugnet does not replace links"));
        assertTrue(Files.isSymbolicLink(dangling) && !Files.exists(sub.resolve("nowhere.json")));
    }

    @Test
    void aLinkToACheckpointKeepsTheLinkAndReplacesTheFileItPointsTo() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("links"));
        Path real = sub.resolve("real.json");
        Files.copy(model, real);
        Path link = Files.createSymbolicLink(sub.resolve("link.json"), real);
        Cli.Result r = Cli.run("train", "--epochs", "3", "--out", link.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).contains("\"epoch\" : 3"));
    }

    @Test
    void aPathThroughAFileIsRefusedBeforeAnyWorkForEveryOutput() {
        String through = data + "/sub/out";
        String expected = ": cannot be made: " + data + " is a file, not a folder";
        Cli.Result r = Cli.run("train", "--epochs", "2", "--out", through + ".json");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertEquals("plugnet: --out " + through + ".json" + expected, r.errLine());
        assertEquals("", r.out(), "refused before any work");
        assertTrue(refused("train", "--epochs", "2", "--out", dir.resolve("t1.json").toString(), "--plot",
                through + ".png").endsWith(expected));
        assertTrue(refused("train", "--epochs", "2", "--out", dir.resolve("t2.json").toString(), "--history",
                through + ".csv").endsWith(expected));
        assertTrue(refused("predict", "--model", model.toString(), "--data", "thyroid", "--out", through + ".csv")
                .endsWith(expected));
        assertTrue(refused("plugins", "--schema", through + ".json").endsWith(expected));
        assertTrue(Files.isRegularFile(data));
    }

    @Test
    void aNameEndingWithASeparatorOrEmptyIsAUsageError() {
        String line = refused("train", "--epochs", "2", "--out", dir + "/runs/");
        assertTrue(line.contains("names a folder (it ends with /); give a file name in it"), line);
        assertTrue(refused("train", "--epochs", "2", "--out", "").contains("an empty file name"));
        assertTrue(refused("predict", "--model", model.toString(), "--data", "thyroid", "--out", dir + "/p/")
                .contains("names a folder"));
        assertTrue(!Files.exists(dir.resolve("runs")) && !Files.exists(dir.resolve("p")));
    }

    @Test
    void dashIsStandardOutputForPredictAndRefusedForACheckpointOrAPlot() {
        Cli.Result r = Cli.run("predict", "--model", model.toString(), "--data", "thyroid", "--out", "-");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("row,predicted,p_"), r.out());
        assertEquals("plugnet: --out -: a checkpoint is written to a file, not to standard output; give a file name",
                refused("train", "--epochs", "2", "--out", "-"));
        assertTrue(refused("train", "--epochs", "2", "--out", dir.resolve("q.json").toString(), "--plot", "-")
                .contains("--plot -: the plot is written to a file"));
        assertTrue(!Files.exists(Path.of("-")), "no file named -");
    }

    @Test
    void outOntoTheDataOrTheConfigIsRefusedHoweverItIsSpelled() throws IOException {
        byte[] before = Files.readAllBytes(data);
        String line = refused("train", "--config", config.toString(), "--data", data.toString(), "--out",
                data.toString(), "--force");
        assertEquals("plugnet: --out " + data + ": is the same file as --data " + data + "; plugnet never"
                + " overwrites its input (choose another name)", line);
        Path other = dir.resolve("links/../" + data.getFileName());
        Files.createDirectories(dir.resolve("links"));
        assertTrue(refused("train", "--config", config.toString(), "--data", data.toString(), "--out",
                other.toString(), "--force").contains("is the same file as --data"));
        Path hardLink = Files.createLink(dir.resolve("hard-link.csv"), data);
        assertTrue(refused("train", "--config", config.toString(), "--data", data.toString(), "--out",
                hardLink.toString(), "--force").contains("is the same file as --data"));
        assertTrue(refused("train", "--config", config.toString(), "--data", data.toString(), "--out",
                config.toString(), "--force").contains("is the same file as --config"));
        assertArrayEquals(before, Files.readAllBytes(data));
        assertTrue(Files.readString(config).contains("\"small\""));
    }

    @Test
    void plotOntoTheCheckpointTheDataTheConfigOrTheResumedCheckpointIsRefused() throws IOException {
        Path out = dir.resolve("plotted.json");
        assertTrue(refused("train", "--config", config.toString(), "--data", data.toString(), "--out",
                out.toString(), "--plot", out.toString(), "--force").contains("--plot " + out + ": is the same file as"
                + " --out " + out + "; give each output its own name"));
        assertTrue(refused("train", "--config", config.toString(), "--data", data.toString(), "--out",
                out.toString(), "--plot", data.toString(), "--force").contains("is the same file as --data"));
        assertTrue(refused("train", "--config", config.toString(), "--data", data.toString(), "--out",
                out.toString(), "--plot", config.toString(), "--force").contains("is the same file as --config"));
        Path resumed = dir.resolve("resumed.json");
        Files.copy(model, resumed);
        byte[] before = Files.readAllBytes(resumed);
        assertTrue(refused("train", "--resume", resumed.toString(), "--epochs", "1", "--out", out.toString(),
                "--plot", resumed.toString(), "--force").contains("is the same file as --resume"));
        assertArrayEquals(before, Files.readAllBytes(resumed));
        assertTrue(!Files.exists(out), "nothing was trained or written");
    }

    @Test
    void resumingIntoTheSameCheckpointContinuesItInPlace() throws IOException {
        Path run = dir.resolve("in-place.json");
        Files.copy(model, run);
        Cli.Result r = Cli.run("train", "--resume", run.toString(), "--epochs", "1", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(run).contains("\"epoch\" : 3"));
    }

    @Test
    void predictOutOntoTheModelOrTheDataIsRefused() throws IOException {
        byte[] before = Files.readAllBytes(model);
        assertTrue(refused("predict", "--model", model.toString(), "--data", data.toString(), "--out",
                model.toString(), "--force").contains("is the same file as --model"));
        assertTrue(refused("predict", "--model", model.toString(), "--data", data.toString(), "--out",
                data.toString(), "--force").contains("is the same file as --data"));
        assertArrayEquals(before, Files.readAllBytes(model));
    }

    @Test
    void anExistingFileThatIsNotPlugnetsIsReplacedOnlyWithForce() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.json"), "my notes");
        assertEquals("plugnet: --out " + notes + ": exists and is not a plugnet checkpoint; plugnet replaces only its"
                + " own files (give --force to replace it)", refused("train", "--epochs", "2", "--out", notes.toString()));
        assertEquals("my notes", Files.readString(notes));
        assertTrue(refused("predict", "--model", model.toString(), "--data", "thyroid", "--out", notes.toString())
                .endsWith("exists and is not plugnet predictions (a CSV file starting \"row,predicted\"); plugnet"
                        + " replaces only its own files (give --force to replace it)"));
        assertTrue(refused("plugins", "--schema", notes.toString()).endsWith("exists and is not a plugnet model"
                + " schema; plugnet replaces only its own files (give --force to replace it)"));
        assertTrue(refused("train", "--epochs", "2", "--out", dir.resolve("x.json").toString(), "--plot",
                notes.toString()).contains("exists and is not a PNG image"));
        assertEquals("my notes", Files.readString(notes));
        assertEquals(0, Cli.run("train", "--epochs", "2", "--out", notes.toString(), "--force").code());
        assertTrue(Files.readString(notes).contains("plugnet-checkpoint"));
    }

    @Test
    void plugnetsOwnFilesAreReplacedWithoutForce() throws IOException {
        Path predictions = dir.resolve("predictions.csv");
        Path schema = dir.resolve("schema.json");
        for (int i = 0; i < 2; i++) {
            assertEquals(0, Cli.run("predict", "--model", model.toString(), "--data", "thyroid", "--out",
                    predictions.toString()).code());
            assertEquals(0, Cli.run("plugins", "--schema", schema.toString()).code());
        }
        assertTrue(Files.readString(predictions).startsWith("row,predicted"));
        assertTrue(Files.readString(schema).contains("\"$schema\""));
    }

    @Test
    void schemaIsWrittenAtomicallyWithNoTemporaryFileLeft() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("schema"));
        assertEquals(0, Cli.run("plugins", "--schema", sub.resolve("s.json").toString()).code());
        try (var files = Files.list(sub)) {
            assertEquals(1, files.count());
        }
    }
}
