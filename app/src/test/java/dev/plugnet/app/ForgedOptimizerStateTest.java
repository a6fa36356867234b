package dev.plugnet.app;

import dev.plugnet.core.Plugnet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A sealed checkpoint whose optimizer state is nonsense (a step count no run has, a negative second moment, an
 * entry of the wrong shape, a number too large for a double) is refused by {@code train --resume} with one line
 * naming the entry's JSON path, before any training and without writing anything; for Adam and for momentum.
 */
class ForgedOptimizerStateTest {
    @TempDir
    static Path dir;

    private static Path adam;
    private static Path momentum;

    @BeforeAll
    static void trainOnce() {
        adam = dir.resolve("adam.json");
        momentum = dir.resolve("momentum.json");
        assertEquals(0, Cli.run("train", "--epochs", "3", "--out", adam.toString()).code());
        assertEquals(0, Cli.run("train", "--epochs", "3", "--optimizer", "momentum", "--out", momentum.toString())
                .code());
    }

    /** @return the optimizer's state object of a copy of {@code checkpoint}, edited by {@code edit} and resealed */
    private static Path forged(Path checkpoint, String name, Consumer<ObjectNode> edit) throws IOException {
        var json = Plugnet.boot().json();
        ObjectNode root = (ObjectNode) json.readTree(Files.readString(checkpoint));
        edit.accept((ObjectNode) root.get("optimizer").get("state"));
        Path file = dir.resolve(name);
        Files.writeString(file, BadInputTest.resealed(json.writeValueAsString(root)));
        return file;
    }

    private static ArrayNode values(ObjectNode state, String entry) {
        return (ArrayNode) state.get(entry).get("values");
    }

    /** Resumes from {@code file}: exit 2, nothing written; @return the one error line */
    private static String resumeFails(Path file) {
        Path out = dir.resolve("resumed-" + file.getFileName());
        Cli.Result r = Cli.run("train", "--resume", file.toString(), "--epochs", "2", "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("plugnet:")).count(), r.err());
        assertFalse(Files.exists(out), "nothing is written");
        return r.errLine();
    }

    @Test
    void aNegativeAdamStepCountNamesTheStep() throws IOException {
        Path file = forged(adam, "negative-step.json", s -> values(s, "step").set(0, -3.0));
        assertEquals("plugnet: " + file + " optimizer.state.step: expected a whole number of steps from 0 to 2^53,"
                + " got -3.0 (optimizer \"adam\")", resumeFails(file));
    }

    @Test
    void aFractionalAdamStepCountNamesTheStep() throws IOException {
        Path file = forged(adam, "fractional-step.json", s -> values(s, "step").set(0, 2.5));
        assertEquals("plugnet: " + file + " optimizer.state.step: expected a whole number of steps from 0 to 2^53,"
                + " got 2.5 (optimizer \"adam\")", resumeFails(file));
    }

    @Test
    void anAdamStepCountBeyondWhatADoubleCountsNamesTheStep() throws IOException {
        Path file = forged(adam, "huge-step.json", s -> values(s, "step").set(0, 1e300));
        assertEquals("plugnet: " + file + " optimizer.state.step: expected a whole number of steps from 0 to 2^53,"
                + " got 1.0E300 (optimizer \"adam\")", resumeFails(file));
    }

    @Test
    void aNegativeSecondMomentNamesTheElement() throws IOException {
        Path file = forged(adam, "negative-v.json", s -> values(s, "v[1]").set(2, -0.5));
        assertEquals("plugnet: " + file + " optimizer.state[\"v[1]\"].values[2]: expected a second moment >= 0"
                + " (a mean of squared gradients), got -0.5 (optimizer \"adam\")", resumeFails(file));
    }

    @Test
    void anAdamMomentOfTheWrongShapeNamesTheEntry() throws IOException {
        Path file = forged(adam, "wrong-shape-m.json", s -> {
            ObjectNode m = (ObjectNode) s.get("m[0]");
            int rows = m.get("rows").asInt();
            int cols = m.get("cols").asInt();
            m.put("rows", cols).put("cols", rows);
        });
        JsonNode m = Plugnet.boot().json().readTree(Files.readString(adam)).get("optimizer").get("state").get("m[0]");
        String live = "(" + m.get("rows").asInt() + "×" + m.get("cols").asInt() + ")";
        String swapped = "(" + m.get("cols").asInt() + "×" + m.get("rows").asInt() + ")";
        assertEquals("plugnet: " + file + " optimizer.state[\"m[0]\"]: expected " + live + ", got " + swapped,
                resumeFails(file));
    }

    @Test
    void aMomentumVelocityOfTheWrongShapeNamesTheEntry() throws IOException {
        Path file = forged(momentum, "wrong-shape-velocity.json", s -> {
            ObjectNode v = (ObjectNode) s.get("velocity[1]");
            v.put("rows", 1).put("cols", 1);
            ((ArrayNode) v.get("values")).removeAll().add(0.25);
        });
        String error = resumeFails(file);
        assertEquals("plugnet: " + file + " optimizer.state[\"velocity[1]\"]: expected ", error.substring(0,
                Math.min(error.length(), ("plugnet: " + file + " optimizer.state[\"velocity[1]\"]: expected ").length())));
        assertFalse(error.contains("NaN"), error);
    }

    @Test
    void aMomentumVelocityTooLargeForADoubleNamesTheElement() throws IOException {
        Path file = forged(momentum, "infinite-velocity.json", s -> values(s, "velocity[0]")
                .set(1, new java.math.BigDecimal("1e400")));
        String error = resumeFails(file);
        String where = "plugnet: " + file + " optimizer.state[\"velocity[0]\"].values[1]: expected a finite number";
        assertEquals(where, error.substring(0, Math.min(error.length(), where.length())), error);
    }

    @Test
    void aSoundStateStillResumes() throws IOException {
        Path file = forged(adam, "sound.json", s -> {
        });
        Path out = dir.resolve("resumed-sound.json");
        Cli.Result r = Cli.run("train", "--resume", file.toString(), "--epochs", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
    }
}
