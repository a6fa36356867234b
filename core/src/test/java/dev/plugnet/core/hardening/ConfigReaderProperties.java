package dev.plugnet.core.hardening;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.json.StrictJson;
import dev.plugnet.core.model.ModelLimits;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.plugins.PluginRegistry;
import dev.plugnet.core.train.TrainingStep;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated and mutated configs, 10,000 of each kind per run (seeded: see {@link ForAll}): reading, assembling
 * and running one training step either succeeds or throws one of plugnet's own errors with a location; nothing
 * else may escape.
 */
@Tag("long")
class ConfigReaderProperties {
    private static final Plugnet PLUGNET = Plugnet.with(PluginRegistry.discover(), ModelLimits.DEFAULTS);
    private static final String SEED = read("../examples/seed-5-4-3.json");

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads, assembles and runs one training step on two rows; only a located PlugnetException may come out. */
    private static void survives(String json) {
        try {
            AssembledModel model = PLUGNET.assemble(PLUGNET.reader().read(json));
            double loss = new TrainingStep(model).run(inputs(model), targets(model));
            assertTrue(Double.isFinite(loss), () -> "a step reported the loss " + loss + " for: " + json);
        } catch (PlugnetException e) {
            assertFalse(e.location().isBlank(), () -> "no location in: " + e.getMessage() + "\nfor: " + json);
            assertFalse(e.problem().isBlank());
        }
    }

    /** @return two rows of inputs in [-1, 1), the same for every config */
    private static Matrix inputs(AssembledModel model) {
        Random random = new Random(7);
        double[][] rows = new double[2][model.network().inputs()];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextDouble() * 2 - 1;
            }
        }
        return Matrix.of(rows);
    }

    /** @return two one-hot target rows: classes 0 and 1 (or 0 twice for a single output) */
    private static Matrix targets(AssembledModel model) {
        int k = model.network().outputs();
        double[][] rows = new double[2][k];
        rows[0][0] = 1;
        rows[1][Math.min(1, k - 1)] = 1;
        return Matrix.of(rows);
    }

    // ---- text mutations of the 5-4-3 example -------------------------------------------------------

    record Edit(int kind, int position, char character, int length) {
        String apply(String text) {
            int at = Math.floorMod(position, text.length() + 1);
            int end = Math.min(text.length(), at + length);
            return switch (kind) {
                case 0 -> text.substring(0, at) + character + text.substring(at);              // insert
                case 1 -> text.substring(0, at) + text.substring(end);                           // delete
                case 2 -> text.substring(0, at) + character + text.substring(Math.min(text.length(), at + 1));
                default -> text.substring(0, at) + text.substring(at, end) + text.substring(at); // duplicate
            };
        }
    }

    private static Generator<List<Edit>> edits() {
        Generator<Integer> kinds = Generator.ints(0, 3);
        Generator<Integer> positions = Generator.ints(0, 10_000);
        Generator<Character> chars = Generator.oneOf(Generator.of('{', '}', '[', ']', '"', ',', ':', '-', '.',
                'e', '0', '9', ' ', '\\', 'n', 't'), Generator.anyChar());
        Generator<Integer> lengths = Generator.ints(1, 40);
        Generator<Edit> edit = random -> new Edit(kinds.next(random), positions.next(random), chars.next(random),
                lengths.next(random));
        return edit.list(1, 6);
    }

    @Test
    void mutatedTextNeverEscapesAsAnythingButAPlugnetError() {
        ForAll.check(10_000, edits(), edits -> {
            String text = SEED;
            for (Edit e : edits) {
                text = e.apply(text);
            }
            survives(text);
        });
    }

    // ---- structural substitutions: any JSON value anywhere in the example -------------------------

    private static final Generator<JsonNode> VALUES = JsonMutations.values(List.of("dense", "sigmoid", "softmax",
            "relu", "cross_entropy", "mse", "adam", "sgd", "xavier", "", "@class", "java.lang.Runtime"),
            List.of("type", "units", "activation", "weights", "biases", "bias", "learning_rate", "inputs", "x"), 12);

    @Test
    void anyValueAnywhereNeverEscapesAsAnythingButAPlugnetError() {
        ForAll.check(10_000, JsonMutations.Substitution.of(VALUES), s -> {
            JsonNode root = StrictJson.readTree(StrictJson.mapper(), SEED);
            s.applyTo(root);
            survives(root.toString());
        });
    }
}
