package dev.plugnet.core.hardening;

import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.checkpoint.CheckpointChecksum;
import dev.plugnet.core.checkpoint.CheckpointReader;
import dev.plugnet.core.checkpoint.CheckpointWriter;
import dev.plugnet.core.data.CsvTableReader;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.data.DatasetReader;
import dev.plugnet.core.data.PreparedData;
import dev.plugnet.core.model.ModelLimits;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.plugins.PluginRegistry;
import dev.plugnet.core.train.History;
import dev.plugnet.core.train.Trainer;
import dev.plugnet.core.train.TrainingListener;
import dev.plugnet.core.train.TrainingSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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
 * The checkpoint reader under damaged and foreign files, 17,000 per run: a real checkpoint (trained here and
 * written by {@link CheckpointWriter}) with its text mutated, half of them re-sealed with a fresh checksum so
 * the field checks behind the checksum are reached too (10,000); any JSON value put anywhere in it, re-sealed
 * (5,000); and foreign files: random bytes, truncations, JSON of any shape, the model config, a CSV (2,000).
 * Reading and restoring either succeeds or throws one of plugnet's own errors whose location starts with the
 * file's name; nothing else may escape. Seeded: see {@link ForAll}.
 */
@Tag("long")
class CheckpointReaderProperties {
    private static final Plugnet PLUGNET = Plugnet.with(PluginRegistry.discover(), ModelLimits.DEFAULTS);
    private static final Path DIR = tempDir();
    private static final Path FILE = DIR.resolve("fuzzed.json");
    private static final String CONFIG = read(Path.of("../app/src/main/resources/dev/plugnet/app/examples/thyroid-5-4-3.json"));
    private static final String REAL = realCheckpoint();

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("plugnet-checkpoint-fuzz");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains the bundled thyroid network for three epochs and writes its checkpoint the way train does. */
    private static String realCheckpoint() {
        AssembledModel model = PLUGNET.assemble(PLUGNET.reader().read(CONFIG));
        Dataset data = new DatasetReader().forTraining(new CsvTableReader().read(
                Path.of("../app/src/main/resources/dev/plugnet/app/examples/new-thyroid.csv")), null);
        PreparedData p = PreparedData.prepare(data, 0.15, 0.2, 42, null);
        History h = new Trainer(new TrainingSettings(3, 16, 0, null, 42))
                .train(model, p.train(), p.validation(), History.EMPTY, TrainingListener.NONE).history();
        Path file = DIR.resolve("real.json");
        new CheckpointWriter(PLUGNET.json(), PLUGNET.writer()).write(file,
                Checkpoint.capture(model, PLUGNET.registry(), "thyroid", p.preprocessing(), h));
        String text = read(file);
        survives(text.getBytes(StandardCharsets.UTF_8)); // it loads
        return text;
    }

    /** Writes {@code bytes} as a checkpoint file, reads and restores it; only a located PlugnetException may escape. */
    static void survives(byte[] bytes) {
        try {
            Files.write(FILE, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CheckpointReader reader = new CheckpointReader(PLUGNET.json(), PLUGNET.reader());
        try {
            Checkpoint c = reader.read(FILE);
            AssembledModel m = reader.restore(c, PLUGNET.assembler(), PLUGNET.registry(), FILE.toString());
            assertTrue(m.network().parameterCount() > 0);
        } catch (PlugnetException e) {
            assertTrue(e.location().startsWith(FILE.toString()), () -> "the file is not named in \""
                    + e.getMessage() + "\" for:\n" + new String(bytes, StandardCharsets.UTF_8));
            assertFalse(e.problem().isBlank());
        }
    }

    /** @return {@code text} with a fresh checksum if it is a JSON object, else as it is */
    private static String resealed(String text) {
        try {
            JsonNode root = PLUGNET.json().readTree(text);
            if (root instanceof ObjectNode o) {
                return PLUGNET.json().writeValueAsString(CheckpointChecksum.seal(PLUGNET.json(), o));
            }
        } catch (RuntimeException e) {
            // not JSON: keep the damaged text
        }
        return text;
    }

    // ---- text mutations of a real checkpoint ------------------------------------------------------

    record Edit(int kind, int position, char character, int length) {
        String apply(String text) {
            int at = Math.floorMod(position, text.length() + 1);
            int end = Math.min(text.length(), at + length);
            return switch (kind) {
                case 0 -> text.substring(0, at) + character + text.substring(at);
                case 1 -> text.substring(0, at) + text.substring(end);
                case 2 -> text.substring(0, at) + character + text.substring(Math.min(text.length(), at + 1));
                case 3 -> text.substring(0, end) + text.substring(at);
                default -> text.substring(0, at);
            };
        }
    }

    private static Generator<List<Edit>> edits() {
        Generator<Character> chars = Generator.oneOf(Generator.of('{', '}', '[', ']', '"', ',', ':', '-', '.',
                'e', 'E', '0', '1', '9', ' ', '\\', 'n', 'u', 'l'), Generator.anyChar());
        Generator<Integer> kinds = Generator.frequency(Generator.weight(10, Generator.constant(0)),
                Generator.weight(10, Generator.constant(1)), Generator.weight(10, Generator.constant(2)),
                Generator.weight(5, Generator.constant(3)), Generator.weight(1, Generator.constant(4)));
        Generator<Integer> positions = Generator.ints(0, REAL.length());
        Generator<Integer> lengths = Generator.ints(1, 60);
        Generator<Edit> edit = random -> new Edit(kinds.next(random), positions.next(random), chars.next(random),
                lengths.next(random));
        return edit.list(1, 4);
    }

    /** Edits to the real checkpoint, and whether it is re-sealed after them. */
    record Mutation(List<Edit> edits, boolean reseal) {
    }

    @Test
    void mutatedCheckpointsNeverEscapeAsAnythingButALocatedPlugnetError() {
        Generator<List<Edit>> edits = edits();
        ForAll.check(10_000, random -> new Mutation(edits.next(random), random.nextBoolean()), m -> {
            String text = REAL;
            for (Edit e : m.edits()) {
                text = e.apply(text);
            }
            survives((m.reseal() ? resealed(text) : text).getBytes(StandardCharsets.UTF_8));
        });
    }

    // ---- any JSON value anywhere, re-sealed ---------------------------------------------------------

    private static final Generator<JsonNode> VALUES = JsonMutations.values(List.of("dense", "sigmoid", "adam",
            "layer", "activation", "shortcut", "plugnet-checkpoint", "layers[0].W", "", "sha256:00"),
            List.of("rows", "cols", "values", "kind", "name", "epoch", "x"), 8);

    @Test
    void anyValueAnywhereNeverEscapesAsAnythingButALocatedPlugnetError() {
        ForAll.check(5_000, JsonMutations.Substitution.of(VALUES), s -> {
            ObjectNode root = (ObjectNode) PLUGNET.json().readTree(REAL);
            s.applyTo(root);
            survives(PLUGNET.json().writeValueAsString(CheckpointChecksum.seal(PLUGNET.json(), root))
                    .getBytes(StandardCharsets.UTF_8));
        });
    }

    // ---- foreign files ----------------------------------------------------------------------------

    private static Generator<byte[]> foreign() {
        byte[] real = REAL.getBytes(StandardCharsets.UTF_8);
        Generator<Integer> cuts = Generator.ints(0, real.length - 1);
        return Generator.oneOf(
                Generator.bytes(200),
                cuts.map(n -> Arrays.copyOf(real, n)),
                VALUES.map(v -> v.toString().getBytes(StandardCharsets.UTF_8)),
                Generator.of(CONFIG, "a,b,label\n1,2,x\n", "", " \n", "null", "{}", "[]", "{\"kind\": 3}",
                        "{\"kind\": \"plugnet-checkpoint\"}", "{\"kind\": \"plugnet-checkpoint\", \"format\": 2}",
                        "\uFEFF" + REAL).map(text -> text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void foreignFilesNeverEscapeAsAnythingButALocatedPlugnetError() {
        ForAll.check(2_000, foreign(), CheckpointReaderProperties::survives);
    }
}
