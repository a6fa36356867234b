package dev.plugnet.app;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.checkpoint.CheckpointChecksum;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Numbers a double cannot hold, written into every numeric field of a checkpoint that is then sealed again
 * (its checksum is over the numbers as written, so the edit verifies): {@code 1e400} and {@code -1e400} are
 * refused as beyond a double's range, quoting what was written (as a config's are); {@code 1e-400} reads as 0,
 * accepted where 0 is (a weight, a mean, an optimizer moment, a loss) and refused, saying how it was written,
 * where 0 is not (a scale); {@code "NaN"} spelled as text is a string, not a number. Through the real command
 * line.
 */
class CheckpointNumbersTest {
    @TempDir
    static Path dir;

    private static String text;

    @BeforeAll
    static void trainOnce() throws IOException {
        Path model = dir.resolve("model.json");
        assertEquals(0, Cli.run("train", "--epochs", "2", "--optimizer", "adam", "--out", model.toString()).code());
        text = Files.readString(model);
    }

    /**
     * @return the checkpoint with the first number after {@code anchor} replaced by {@code raw}, sealed again; an
     *         anchor naming a matrix ({@code "layers[0].W"}) means its first value
     */
    private static Path edited(String name, String anchor, String raw) throws IOException {
        int at = text.indexOf(anchor);
        if (at < 0) {
            throw new AssertionError("no " + anchor);
        }
        if (!anchor.contains("means") && !anchor.contains("scales") && !anchor.contains("loss")
                && !anchor.contains("rate")) {
            at = text.indexOf("\"values\"", at);
        }
        Matcher m = Pattern.compile("[^0-9-]*(-?[0-9][0-9.eE+-]*)").matcher(text);
        if (!m.find(at + anchor.length() - 1) || m.start() != at + anchor.length() - 1 && false) {
            throw new AssertionError("no number after " + anchor);
        }
        String changed = text.substring(0, m.start(1)) + raw + text.substring(m.end(1));
        var json = Plugnet.boot().json();
        String sum = CheckpointChecksum.ofText(json, changed);
        changed = changed.replaceFirst("\"sha256:[0-9a-f]+\"", "\"" + sum + "\"");
        return Files.writeString(dir.resolve(name), changed);
    }

    private static String evaluate(Path model) {
        Cli.Result r = Cli.run("evaluate", "--model", model.toString(), "--data", "thyroid");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err() + r.out());
        return r.errLine();
    }

    private static String resume(Path model) {
        Cli.Result r = Cli.run("train", "--resume", model.toString(), "--epochs", "1", "--out",
                dir.resolve("resumed-" + model.getFileName()).toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err() + r.out());
        return r.errLine();
    }

    @Test
    void aNumberBeyondADoublesRangeIsQuotedAsWrittenInEveryField() throws IOException {
        String[][] fields = {
                {"\"layers[0].W\"", "weights[\"layers[0].W\"].values[0]", "evaluate"},
                {"\"means\"", "preprocessing.means[0]", "evaluate"},
                {"\"scales\"", "preprocessing.scales[0]", "evaluate"},
                {"\"m[0]\"", "optimizer.state[\"m[0]\"].values[0]", "resume"},
                {"\"train_loss\"", "history.epochs[0].train_loss", "evaluate"},
        };
        for (String raw : new String[] {"1e400", "-1e400", "1.7976931348623159E308"}) {
            for (String[] f : fields) {
                Path model = edited("big.json", f[0], raw);
                String line = f[2].equals("evaluate") ? evaluate(model) : resume(model);
                assertEquals("plugnet: " + model + " " + f[1] + ": expected a finite number, got " + raw
                        + ", beyond the range of a double (±1.8e308)", line, f[1]);
            }
        }
    }

    @Test
    void theLearningRateAndTheConfigsNumbersSayTheSame() throws IOException {
        Path rate = edited("rate.json", "\"optimizer\" : {\n    \"learning_rate\"", "1e400");
        assertEquals("plugnet: " + rate + " optimizer.learning_rate: expected a number from 0.0 to 1.7976931348623157E308,"
                + " got 1e400, beyond the range of a double (±1.8e308)", evaluate(rate));
    }

    @Test
    void anUnderflowReadsAsZeroWhereZeroIsAcceptedAndIsNamedWhereItIsNot() throws IOException {
        for (String anchor : new String[] {"\"layers[0].W\"", "\"means\"", "\"train_loss\""}) {
            Path model = edited("tiny.json", anchor, "1e-400");
            Cli.Result r = Cli.run("evaluate", "--model", model.toString(), "--data", "thyroid");
            assertEquals(0, r.code(), anchor + ": " + r.err());
        }
        Path scale = edited("tiny-scale.json", "\"scales\"", "1e-400");
        String line = evaluate(scale);
        assertEquals(true, line.startsWith("plugnet: " + scale + " preprocessing.scales[0]: "), line);
        assertEquals(true, line.endsWith(" (written 1e-400, which is below the smallest normal double, 2.2e-308,"
                + " so it reads as 0)"), line);
    }

    @Test
    void nanSpelledAsTextIsAStringAndABareNanIsNotJson() throws IOException {
        Path quoted = edited("nan.json", "\"layers[0].W\"", "\"NaN\"");
        assertEquals("plugnet: " + quoted + " weights[\"layers[0].W\"].values[0]: expected a finite number, got"
                + " \"NaN\"", evaluate(quoted));
        Path bare = Files.writeString(dir.resolve("bare.json"), text.replaceFirst("(\"values\" : \\[ )[^,]+",
                "$1NaN"));
        String line = evaluate(bare);
        assertEquals(true, line.startsWith("plugnet: " + bare + " line "), line);
        assertEquals(true, line.endsWith(": malformed JSON: Non-standard token 'NaN' (JSON has no NaN or infinity;"
                + " plugnet accepts finite numbers only)"), line);
    }
}
