package dev.plugnet.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The error catalogue, {@code docs/errors.md}, is what this test prints: every scenario below is run through
 * the real command line in-process, and its standard error (temporary folders left out) and exit code are
 * written into the catalogue's tables. The test fails with a diff when the file and the app disagree;
 * {@code -Dplugnet.regenerate-errors=true} rewrites the file instead.
 */
class ErrorCatalogueTest {
    private static final Path DOC = Path.of(System.getProperty("plugnet.docs", "../docs"), "errors.md");
    private static final String CONFIG = BundledExample.DEFAULT.configText();

    @TempDir
    static Path dir;

    /** One kind of bad input: how to provoke it, as a user would type it. */
    record Scenario(String section, String what, boolean fullStdout, String[] args) {
    }

    private final List<Scenario> scenarios = new ArrayList<>();

    private void add(String section, String what, String... args) {
        scenarios.add(new Scenario(section, what, false, args));
    }

    /** A scenario whose standard output fails every write, as on a full disk. */
    private void addWithFullStdout(String section, String what, String... args) {
        scenarios.add(new Scenario(section, what, true, args));
    }

    private static Cli.Result run(Scenario s) {
        if (!s.fullStdout()) {
            return Cli.run(s.args());
        }
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.run(new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        }, new java.io.PrintWriter(err), s.args());
        return new Cli.Result(code, "", err.toString());
    }

    /** @return {@code text} sealed again over its numbers as written (a number beyond a double's range stays so) */
    private static String sealedAsWritten(String text) {
        String sum = dev.plugnet.core.checkpoint.CheckpointChecksum.ofText(dev.plugnet.core.Plugnet.boot().json(), text);
        return text.replaceFirst("\"sha256:[0-9a-f]+\"", "\"" + sum + "\"");
    }

    private static String resealed(String text, String from, String to) {
        String edited = text.replace(from, to);
        if (edited.equals(text)) {
            throw new IllegalArgumentException("no " + from + " in the checkpoint");
        }
        return BadInputTest.resealed(edited);
    }

    private static String file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String file(String name, byte[] bytes) {
        try {
            Path f = dir.resolve(name);
            Files.createDirectories(f.getParent());
            Files.write(f, bytes);
            return f.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String config(String name, String from, String to) {
        String edited = CONFIG.replace(from, to);
        if (edited.equals(CONFIG)) {
            throw new IllegalArgumentException("no " + from + " in the bundled config");
        }
        return file(name, edited);
    }

    private static final String SECTION_CONFIG = "Model configs (`--config`)";
    private static final String SECTION_CSV = "CSV data (`--data`)";
    private static final String SECTION_CHECKPOINT = "Checkpoints (`--model`, `--resume`)";
    private static final String SECTION_PLUGINS = "Plugin folders (`--plugins`, `$PLUGNET_PLUGINS`, `./plugins`)";
    private static final String SECTION_USAGE = "Usage";
    private static final String SECTION_TRAINING = "Training that fails";
    private static final String SECTION_OUTPUT = "Output files and standard output (`--out`, `--plot`, `--schema`)";
    private static final String SECTION_RESUME = "Resumed runs (`--resume`)";

    private void scenarios() throws Exception {
        String good = dir.resolve("good.json").toString();
        Cli.Result trained = Cli.run("train", "--epochs", "3", "--out", good);
        assertEquals(0, trained.code(), trained.err());
        String text = Files.readString(Path.of(good));

        String c = SECTION_CONFIG;
        add(c, "a config file that does not exist", "train", "--config", dir.resolve("nope.json").toString(), "--data", "thyroid");
        add(c, "malformed JSON", "train", "--config", file("broken.json", "{\"inputs\": 5,\n  \"layers\": [}"), "--data", "thyroid");
        add(c, "an unknown field", "train", "--config", config("field.json", "\"seed\": 42", "\"sead\": 42"), "--data", "thyroid");
        add(c, "a value of the wrong kind", "train", "--config", config("units.json", "\"units\": 4", "\"units\": -3"), "--data", "thyroid");
        add(c, "an unknown plugin name", "train", "--config", config("dens.json", "\"type\": \"dense\", \"units\": 4", "\"type\": \"dens\", \"units\": 4"), "--data", "thyroid");
        add(c, "a Java class name instead of a plugin (never loaded)", "train", "--config",
                config("gadget.json", "\"loss\": \"cross_entropy\"", "\"loss\": \"com.sun.rowset.JdbcRowSetImpl\""), "--data", "thyroid");
        add(c, "a polymorphic-typing field such as `@class`", "train", "--config",
                config("class.json", "\"type\": \"adam\"", "\"@class\": \"java.lang.Runtime\", \"type\": \"adam\""), "--data", "thyroid");
        add(c, "a layer wider than the limit (`-Dplugnet.max-width`)", "train", "--config", config("wide.json", "\"units\": 4", "\"units\": 2000000000"), "--data", "thyroid");
        add(c, "nesting deeper than the limit (`-Dplugnet.max-nesting-depth`)", "train", "--config",
                file("deep.json", "[".repeat(100) + "]".repeat(100)), "--data", "thyroid");
        add(c, "an unknown early-stopping `monitor`", "train", "--config", config("monitor.json", "\"patience\": 50", "\"patience\": 50, \"monitor\": \"loss\""), "--data", "thyroid");
        add(c, "a `monitor` a classifier lacks (a regression's RMSE)", "train", "--config", config("monitor-rmse.json", "\"patience\": 50", "\"patience\": 50, \"monitor\": \"validation_rmse\""), "--data", "thyroid");
        add(c, "a class listed twice in `classes`", "train", "--config", config("classes.json", "\"patience\": 50", "\"patience\": 50, \"classes\": [\"normal\", \"hyper\", \"normal\"]"), "--data", "thyroid");
        add(c, "class weights for an unknown class", "train", "--config", config("weights.json", "\"patience\": 50", "\"patience\": 50, \"class_weights\": {\"sick\": 2}"), "--data", "thyroid");
        add(c, "class weights that are not \"balanced\" or a map", "train", "--config", config("weights-list.json", "\"patience\": 50", "\"patience\": 50, \"class_weights\": [1, 2, 3]"), "--data", "thyroid");
        add(c, "class weights for a loss that takes none", "train", "--config", file("weights-mse.json", CONFIG
                .replace("\"patience\": 50", "\"patience\": 50, \"class_weights\": \"balanced\"")
                .replace("\"loss\": \"cross_entropy\"", "\"loss\": \"mse\"")), "--data", "thyroid");
        add(c, "text that is not UTF-8 (Latin-1)", "train", "--config", file("latin1.json",
                CONFIG.replace("\"seed\"", "\"caf\u00e9\": 1, \"seed\"").getBytes(StandardCharsets.ISO_8859_1)), "--data", "thyroid");
        add(c, "UTF-16 text", "train", "--config", file("utf16.json", CONFIG.getBytes(StandardCharsets.UTF_16)), "--data", "thyroid");
        add(c, "a NUL byte (binary data, a device such as /dev/zero)", "train", "--config", file("nul.json",
                new byte[] {'{', 0, 0, 0}), "--data", "thyroid");
        add(c, "a number beyond the range of a double", "train", "--config", config("e400.json", "\"units\": 4", "\"units\": 1e400"), "--data", "thyroid");
        add(c, "a cosine schedule whose minimum is above the learning rate", "train", "--config",
                config("cosine.json", "\"patience\": 50", "\"patience\": 50, \"schedule\": {\"type\": \"cosine\", \"min_rate\": 5}"),
                "--data", "thyroid", "--out", dir.resolve("cosine-out.json").toString());
        add(c, "control characters in a name (escaped, never sent to the terminal raw)", "train", "--config",
                config("escape.json", "\"thyroid-5-4-3\"", "\"x\\u001b[2J\\r\""), "--data", file("four.csv",
                "a,b,c,d,label\n1,2,3,4,x\n1,2,3,4,y\n"));
        add(c, "no optimizer, for `train` (predict, evaluate, explain and gradcheck need none)", "train", "--config",
                config("no-optimizer.json", "\"optimizer\": { \"type\": \"adam\", \"learning_rate\": 0.02 },\n  ", ""),
                "--data", "thyroid");
        add(c, "a newer model format", "train", "--config", config("newer.json", "\"format\": 1", "\"format\": 9"), "--data", "thyroid");

        String d = SECTION_CSV;
        add(d, "a data file that does not exist", "train", "--data", dir.resolve("nope.csv").toString());
        add(d, "an empty file", "train", "--data", file("empty.csv", ""));
        add(d, "a header without rows", "train", "--data", file("header.csv", "a,b,c,d,e,label\n"));
        add(d, "a cell that is not a number", "train", "--data", file("word.csv", "a,b,c,d,e,label\n1,2,3,4,5,x\n1,2,three,4,5,y\n"));
        add(d, "NaN or an infinity", "train", "--data", file("nan.csv", "a,b,c,d,e,label\n1,NaN,3,4,5,x\n1,2,3,4,5,y\n"));
        add(d, "a ragged row", "train", "--data", file("ragged.csv", "a,b,c,d,e,label\n1,2,3,4,5,x\n1,2,3,4,y\n"));
        add(d, "malformed CSV (an unclosed quote)", "train", "--data", file("quote.csv", "a,b,c,d,e,label\n1,2,3,4,5,x\n1,2,\"3,4,5,y\n"));
        add(d, "text that is not UTF-8", "train", "--data", file("latin1.csv", "a,b,c,d,e,label\n1,2,3,4,5,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)));
        add(d, "a NUL byte (binary data, a device such as /dev/zero)", "train", "--data", file("nul.csv", "a,b,c,d,e,label\n1,2,3,4,5,x\u0000\n"));
        add(d, "a hexadecimal number", "train", "--data", file("hex.csv", "a,b,c,d,e,label\n1,2,3,4,0x1p3,x\n1,2,3,4,5,y\n"));
        add(d, "two byte-order marks", "train", "--data", file("boms.csv", "\uFEFF\uFEFFa,b,c,d,e,label\n1,2,3,4,5,x\n1,2,3,4,5,y\n"));
        add(d, "a huge cell (cut, with its length)", "train", "--data", file("huge.csv", "a,b,c,d,e,label\n1,2,3,4,"
                + "7".repeat(20) + "x".repeat(100_000) + ",x\n1,2,3,4,5,y\n"));
        add(d, "a repeated column name", "train", "--data", file("twice.csv", "a,a,c,d,e,label\n1,2,3,4,5,x\n1,2,3,4,5,y\n"));
        add(d, "a label column that does not exist", "train", "--data", file("fine.csv", "a,b,c,d,e,label\n1,2,3,4,5,x\n1,2,3,4,5,y\n"), "--label", "class");
        add(d, "a single class", "train", "--data", file("one.csv", "a,b,c,d,e,label\n1,2,3,4,5,x\n1,2,3,4,5,x\n"));
        add(d, "a class the config's `classes` does not list", "train", "--config", config("two-classes.json", "\"patience\": 50", "\"patience\": 50, \"classes\": [\"normal\", \"hyper\"]"), "--data", "thyroid");
        add(d, "a `positive_class` that is not a class", "train", "--config", config("positive.json", "\"patience\": 50", "\"patience\": 50, \"positive_class\": \"4\""), "--data", "thyroid");
        add(d, "a validation file with other columns", "train", "--validation-data", file("other-validation.csv", "a,b,diagnosis\n1,2,normal\n"));
        add(d, "a column to ignore that does not exist", "train", "--ignore", "patient_id");
        add(d, "a numeric target given to a classifier", "train", "--config", "thyroid", "--data", "friedman");
        add(d, "columns that do not fit the model", "train", "--data", file("narrow.csv", "a,b,label\n1,2,x\n3,4,y\n"));
        add(d, "columns that do not match the checkpoint", "predict", "--model", good, "--data", file("other.csv", "x,y,label\n1,2,a\n3,4,b\n"));

        String k = SECTION_CHECKPOINT;
        add(k, "a checkpoint that does not exist", "evaluate", "--model", dir.resolve("nope-checkpoint.json").toString(), "--data", "thyroid");
        add(k, "an empty file", "evaluate", "--model", file("empty.json", ""), "--data", "thyroid");
        add(k, "a truncated checkpoint", "evaluate", "--model", file("truncated.json", text.substring(0, text.indexOf("\"history\""))), "--data", "thyroid");
        add(k, "an edited checkpoint (the checksum does not match)", "evaluate", "--model",
                file("edited.json", text.replaceFirst("\"epoch\" : 3", "\"epoch\" : 4")), "--data", "thyroid");
        add(k, "a checkpoint without its checksum", "evaluate", "--model",
                file("unsealed.json", text.replaceAll(",\\s*\"checksum\" : \"sha256:[0-9a-f]+\"", "")), "--data", "thyroid");
        add(k, "a model config given as a checkpoint", "evaluate", "--model", file("model.json", CONFIG), "--data", "thyroid");
        add(k, "another JSON file", "evaluate", "--model", file("package.json", "{\"name\": \"left-pad\", \"version\": \"1.3.0\"}"), "--data", "thyroid");
        add(k, "a file that is not JSON", "evaluate", "--model", file("notes.txt", "weights: see the other file\n"), "--data", "thyroid");
        add(k, "random bytes", "evaluate", "--model", file("random.bin", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}), "--data", "thyroid");
        add(k, "a checkpoint from a newer plugnet", "evaluate", "--model",
                file("newer-checkpoint.json", text.replaceFirst("\"format\" : 2", "\"format\" : 7")), "--data", "thyroid");
        add(k, "a checkpoint whose plugins are not installed", "evaluate", "--model", file("alien.json", BadInputTest.resealed(text
                .replace("\"name\" : \"sigmoid\",\n    \"module\" : \"dev.plugnet.activations\"", "\"name\" : \"swish\",\n    \"module\" : \"com.example.swish\"")
                .replace("\"activation\" : {\n        \"type\" : \"sigmoid\"", "\"activation\" : {\n        \"type\" : \"swish\""))), "--data", "thyroid");
        add(k, "`evaluate` of a checkpoint whose loss plugin is not installed (`predict` needs only the layers and"
                + " activations, and works)", "evaluate", "--model", file("alien-loss.json", BadInputTest.resealed(text
                .replace("\"name\" : \"cross_entropy\",\n    \"module\" : \"dev.plugnet.losses.standard\"",
                        "\"name\" : \"focal\",\n    \"module\" : \"com.example.focal\"")
                .replace("\"loss\" : {\n      \"type\" : \"cross_entropy\"", "\"loss\" : {\n      \"type\" : \"focal\""))),
                "--data", "thyroid");

        add(k, "a forged checkpoint (sealed again) with a feature name twice", "evaluate", "--model", file("twice.json",
                resealed(text, "\"total_thyroxin\"", "\"t3_resin_uptake\"")), "--data", "thyroid");
        add(k, "a forged checkpoint with a scale of 0", "evaluate", "--model", file("scale.json",
                BadInputTest.resealed(text.replaceFirst("(\"scales\" : \\[ )[^,]+", "$10.0"))), "--data", "thyroid");
        add(k, "a forged checkpoint with a mean of 1e308", "evaluate", "--model", file("mean.json",
                BadInputTest.resealed(text.replaceFirst("(\"means\" : \\[ )[^,]+", "$11.0E308"))), "--data", "thyroid");
        add(k, "a forged checkpoint with a number beyond the range of a double (quoted as written)", "evaluate", "--model",
                file("e400-weight.json", sealedAsWritten(text.replaceFirst("(\"values\" : \\[ )[^,]+", "$11e400"))), "--data", "thyroid");
        add(k, "a forged checkpoint whose history skips back", "evaluate", "--model", file("history-order.json",
                BadInputTest.resealed(text.replaceFirst("\"epoch\" : 2", "\"epoch\" : 1"))), "--data", "thyroid");
        add(k, "a checkpoint with a bare NaN (not JSON)", "evaluate", "--model",
                file("bare-nan.json", text.replaceFirst("(\"values\" : \\[ )[^,]+", "$1NaN")), "--data", "thyroid");
        add(k, "a forged checkpoint with a class too many", "evaluate", "--model", file("extra-class.json",
                resealed(text, "\"labels\" : [ ", "\"labels\" : [ \"extra\", ")), "--data", "thyroid");
        String legacy = file("legacy.json", text.replaceAll(",\\s*\"checksum\" : \"sha256:[0-9a-f]+\"", "")
                .replaceFirst("\"format\" : 2", "\"format\" : 1"));
        add(k, "a format-1 checkpoint (no checksum): a warning, and it is read", "evaluate", "--model", legacy, "--data", "thyroid");
        add(k, "binary data or a device such as /dev/zero (refused at its first bytes)", "evaluate", "--model",
                file("zeros.bin", new byte[70_000]), "--data", "thyroid");

        String r = SECTION_RESUME;
        add(r, "resuming a format-1 checkpoint", "train", "--resume", legacy, "--epochs", "1", "--out", dir.resolve("r.json").toString());
        add(r, "a changed `--test-fraction` (it would re-split the rows)", "train", "--resume", good, "--epochs", "1",
                "--test-fraction", "0.3", "--out", dir.resolve("r.json").toString());
        add(r, "a changed `--validation-fraction`", "train", "--resume", good, "--epochs", "1",
                "--validation-fraction", "0.1", "--out", dir.resolve("r.json").toString());
        add(r, "a forged checkpoint (sealed again) with a negative Adam step count", "train", "--resume",
                file("negative-step.json", BadInputTest.resealed(text.replaceFirst(
                        "(\"step\" : \\{[^\\]]*\\[ )[^ \\]]+", "$1-3.0"))), "--epochs", "1", "--out",
                dir.resolve("r.json").toString());
        add(r, "a forged checkpoint with a negative Adam second moment", "train", "--resume",
                file("negative-v.json", BadInputTest.resealed(text.replaceFirst(
                        "(\"v\\[0\\]\" : \\{[^\\]]*\\[ )[^ ,\\]]+", "$1-0.5"))), "--epochs", "1", "--out",
                dir.resolve("r.json").toString());
        add(r, "other data", "train", "--resume", good, "--epochs", "1", "--data", "iris", "--out", dir.resolve("r.json").toString());

        String o = SECTION_OUTPUT;
        Path fifo = dir.resolve("pipe");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        String data = file("data.csv", new String(BundledExample.class.getResourceAsStream("examples/new-thyroid.csv")
                .readAllBytes(), StandardCharsets.UTF_8));
        add(o, "a FIFO, a device such as `/dev/null`, or a link to one", "train", "--out", fifo.toString());
        add(o, "a folder", "train", "--out", Files.createDirectories(dir.resolve("folder.json")).toString());
        add(o, "a name that ends with `/`", "train", "--out", "runs/");
        add(o, "`-` for a checkpoint (predictions and the schema stream there)", "train", "--out", "-");
        add(o, "the data file (also by another spelling, a symbolic or a hard link)", "train", "--data", data, "--out", data);
        add(o, "the config", "train", "--config", config("own.json", "\"seed\": 42", "\"seed\": 43"), "--data", "thyroid", "--out",
                dir.resolve("own.json").toString());
        add(o, "a path through a file (`data.csv/out.json`)", "train", "--out", data + "/out.json");
        add(o, "the `--history` file onto the data", "train", "--data", data, "--out", dir.resolve("history-out.json").toString(),
                "--history", data);
        add(o, "the plot onto the checkpoint", "train", "--out", dir.resolve("both.json").toString(), "--plot",
                dir.resolve("both.json").toString());
        add(o, "predictions onto the model", "predict", "--model", good, "--data", "thyroid", "--out", good);
        String notes = file("my-notes.txt", "my notes\n");
        add(o, "an existing file that is not plugnet's (replaced only with `--force`)", "train", "--out", notes);
        add(o, "the schema onto a file that is not a schema", "plugins", "--schema", notes);
        addWithFullStdout(o, "standard output that cannot be written (a full disk, `> /dev/full`)", "predict", "--model",
                good, "--data", "thyroid");

        String p = SECTION_PLUGINS;
        add(p, "a `--plugins` folder that does not exist", "--plugins", dir.resolve("no-such-folder").toString(), "plugins");
        file("plugins/broken.jar", "not a zip");
        add(p, "a jar that is not a module (a warning: everything else loads)", "--plugins", dir.resolve("plugins").toString(), "plugins");
        add(p, "a `--compute` backend that is not installed", "--compute", "cuda", "plugins");
        Path api = Path.of(dev.plugnet.api.ApiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path buggy = Files.createDirectories(dir.resolve("buggy"));
        PluginFailureTest.jar(buggy, api, "com.example.buggy", "com.example.buggy", "BuggyProvider",
                PluginFailureTest.layer("com.example.buggy", "BuggyProvider", "buggy_identity", true),
                "ThrowingProvider", PluginFailureTest.THROWING);
        String buggyModel = config("buggy-model.json", "{ \"type\": \"dense\", \"units\": 3",
                "{ \"type\": \"buggy_identity\" },\n    { \"type\": \"dense\", \"units\": 3");
        add(p, "a provider that throws while loading (a warning: the jar's other plugins load)", "--plugins",
                buggy.toString(), "plugins");
        add(p, "a bug in a plugin (one line naming the plugin, its kind, module, jar and layer; the stack trace with"
                + " `PLUGNET_DEBUG=1`)", "--plugins", buggy.toString(), "train", "--config", buggyModel, "--data",
                "thyroid", "--out", dir.resolve("buggy-out.json").toString());
        Path clash = Files.createDirectories(dir.resolve("clash"));
        for (String module : List.of("one", "two")) {
            PluginFailureTest.jar(clash, api, "com.example." + module, "com.example." + module, "SwishProvider",
                    PluginFailureTest.layer("com.example." + module, "SwishProvider", "swish", false));
        }
        add(p, "two folder jars naming one plugin (both skipped with a warning; nothing else is affected)", "--plugins",
                clash.toString(), "gradcheck", "--config", "thyroid");
        add(p, "a model using the name two folder jars claim", "--plugins", clash.toString(), "gradcheck", "--config",
                config("clash-model.json", "{ \"type\": \"dense\", \"units\": 3",
                        "{ \"type\": \"swish\" },\n    { \"type\": \"dense\", \"units\": 3"));
        Path shadow = Files.createDirectories(dir.resolve("shadow"));
        PluginFailureTest.jar(shadow, api, "com.example.shadow", "com.example.shadow", "DenseProvider",
                PluginFailureTest.layer("com.example.shadow", "DenseProvider", "dense", false));
        add(p, "a folder plugin reusing a built-in name (skipped with a warning)", "--plugins", shadow.toString(),
                "gradcheck", "--config", "thyroid");

        String u = SECTION_USAGE;
        add(u, "no command", new String[0]);
        add(u, "an unknown command", "fit");
        add(u, "an unknown option", "train", "--frobnicate");
        add(u, "a missing required option", "evaluate", "--data", "thyroid");
        add(u, "an invalid value", "train", "--epochs", "0");
        add(u, "a value of the wrong type", "train", "--epochs", "many");
        add(u, "`--threads` above 4 per core", "train", "--threads", "100000");
        add(u, "`--learning-rate` beyond 1000", "train", "--learning-rate", "1e300");
        add(u, "`bench --seconds NaN`", "bench", "--seconds", "NaN");
        add(u, "`--monitor` a figure the model lacks (accuracy for a regression)", "train", "--config", "friedman",
                "--monitor", "validation_accuracy");
        add(u, "a `monitor` that is no figure at all", "cv", "--monitor", "rmse");
        add(u, "`--class-weights` for an unknown class", "train", "--class-weights", "hypo=2,sick=3");
        add(u, "`explain` or `gradcheck` on a config that leaves its widths to the data, with no data", "gradcheck",
                "--config", file("open.json", "{\"inputs\": \"auto\", \"layers\": [{\"type\": \"dense\", \"units\": 4,"
                + " \"activation\": \"tanh\"}, {\"type\": \"dense\"}], \"loss\": \"mse\"}"));
        add(u, "an empty `--plugins` folder name", "--plugins", "", "plugins");
        add(u, "`--checkpoint-every` below 0", "train", "--checkpoint-every", "-1");
        add(u, "`cv --folds` below 2", "cv", "--folds", "1");
        add(u, "early stopping with no validation rows", "train", "--validation-fraction", "0");

        String t = SECTION_TRAINING;
        add(t, "a loss that overflows (the last good epoch's checkpoint is kept)", "train", "--config",
                Cli.resource("explodes.json", dir).toString(), "--data", "friedman", "--out", dir.resolve("explodes-out.json").toString());
        add(t, "a gradient that overflows, named by parameter", "train", "--config",
                Cli.resource("gradient-overflows.json", dir).toString(), "--data", "thyroid", "--out", dir.resolve("overflow-out.json").toString());
        add(t, "softmax underflow on the generic backward path (`--no-shortcut`)", "train", "--no-shortcut", "--config",
                Cli.resource("softmax-underflows.json", dir).toString(), "--data", "thyroid", "--out", dir.resolve("underflow-out.json").toString());
    }

    /** Paths relative to the scenario folder; checksum digests elided (they change with every numeric detail). */
    private static String local(String s) {
        return s.replace(dir.toString() + "/", "").replace(dir.toString(), ".")
                .replaceAll("sha256:[0-9a-f]{6,}…?", "sha256:…")
                .replaceAll("from 1 to \\d+ \\(4 per core on this machine's \\d+\\)", "from 1 to 4×N (4 per core on this"
                        + " machine's N)");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    private String catalogue() throws Exception {
        scenarios();
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            Cli.Result r = run(s);
            List<String> lines = r.err().strip().lines().map(ErrorCatalogueTest::local).toList();
            String args = local(String.join(" ", s.args())).strip();
            StringBuilder table = sections.computeIfAbsent(s.section(), x -> new StringBuilder(
                    "| bad input | command | what plugnet prints on standard error | exit |\n|---|---|---|---|\n"));
            table.append("| ").append(s.what()).append(" | `plugnet").append(args.isEmpty() ? "" : " ").append(cell(args)).append("` | ")
                    .append(String.join("<br>", lines.stream().map(l -> "`" + cell(l) + "`").toList()))
                    .append(" | ").append(r.code()).append(" |\n");
        }
        StringBuilder doc = new StringBuilder("""
                # Error catalogue

                Every kind of bad input plugnet knows, the message the app prints for it and its exit code. This file
                is generated: `ErrorCatalogueTest` (app/src/test/java/dev/plugnet/app) runs each row's command through
                the real command line and fails the build when this file and the app disagree. After changing a
                message, regenerate it with

                ```sh
                mvn -o -B -pl app -am test -Dtest=ErrorCatalogueTest -Dsurefire.failIfNoSpecifiedTests=false -Dplugnet.regenerate-errors=true
                ```

                File names are shown relative to the folder the files were in. Every message is one line that starts
                with `plugnet: `, then where the problem is (a file with a line and column, a JSON path, a checkpoint
                field, an epoch and batch), then what is wrong; `PLUGNET_DEBUG=1` adds the stack trace.

                | exit code | meaning |
                |---|---|
                | 0 | success (warnings about skipped plugin jars do not change it) |
                | 1 | a run that failed: training met a non-finite loss or gradient (the last good checkpoint is kept), a check above its tolerance, a bug in a plugin (named with its module and jar), an output that cannot be written (a full disk: `FILE: cannot be written: No space left on device`; an older file there is kept as it was), an internal error |
                | 2 | bad usage or bad input: a flag, a config, a data file, a checkpoint, a plugin folder; nothing on disk is changed |
                """);
        sections.forEach((title, table) -> doc.append("\n## ").append(title).append("\n\n").append(table));
        return doc.toString();
    }

    @Test
    void docsErrorsMdIsWhatTheAppPrints() throws Exception {
        String expected = catalogue();
        if (Boolean.getBoolean("plugnet.regenerate-errors")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected);
            return;
        }
        String actual = Files.exists(DOC) ? Files.readString(DOC) : "";
        if (!actual.equals(expected)) {
            fail(DOC.toAbsolutePath().normalize() + " does not match what the app prints:\n" + diff(actual, expected)
                    + "\nIf the app is right, regenerate the file with -Dplugnet.regenerate-errors=true (see its top).");
        }
    }

    /** @return the lines only in the file ({@code -}) and only in the app's output ({@code +}) */
    private static String diff(String file, String app) {
        List<String> a = file.lines().toList();
        List<String> b = app.lines().toList();
        StringBuilder out = new StringBuilder();
        for (String line : a) {
            if (!b.contains(line)) {
                out.append("- ").append(line).append('\n');
            }
        }
        for (String line : b) {
            if (!a.contains(line)) {
                out.append("+ ").append(line).append('\n');
            }
        }
        return out.length() == 0 ? "(the same lines in another order, or white space)\n" : out.toString();
    }
}
