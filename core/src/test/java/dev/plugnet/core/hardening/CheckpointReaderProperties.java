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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checkpoint reader under damaged and foreign files, 17,000 per run: a real checkpoint (trained here and
 * written by {@link CheckpointWriter}) with its text mutated, half of them re-sealed with a fresh checksum so
 * the field checks behind the checksum are reached too (10,000); any JSON value put anywhere in it, re-sealed
 * (5,000); and foreign files: random bytes, truncations, JSON of any shape, the model config, a CSV (2,000).
 * Reading and restoring either succeeds or throws one of plugnet's own errors whose location starts with the
 * file's name; nothing else may escape.
 */
class CheckpointReaderProperties {
    private static final Plugnet PLUGNET = Plugnet.with(PluginRegistry.discover(), ModelLimits.DEFAULTS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
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

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Character> chars = Arbitraries.oneOf(Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '-', '.',
                'e', 'E', '0', '1', '9', ' ', '\\', 'n', 'u', 'l'), Arbitraries.chars());
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.frequency(Tuple.of(10, 0), Tuple.of(10, 1),
                        Tuple.of(10, 2), Tuple.of(5, 3), Tuple.of(1, 4)),
                Arbitraries.integers().between(0, REAL.length()), chars, Arbitraries.integers().between(1, 60))
                .as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 10_000)
    void mutatedCheckpointsNeverEscapeAsAnythingButALocatedPlugnetError(@ForAll("edits") List<Edit> edits,
                                                                         @ForAll boolean reseal) {
        String text = REAL;
        for (Edit e : edits) {
            text = e.apply(text);
        }
        survives((reseal ? resealed(text) : text).getBytes(StandardCharsets.UTF_8));
    }

    // ---- any JSON value anywhere, re-sealed ---------------------------------------------------------

    @Provide
    Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l)),
                Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.of(0, 1, -1, 2, 3, 4, 5, 1_000_000_000, Integer.MAX_VALUE).map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
                Arbitraries.of("dense", "sigmoid", "adam", "layer", "activation", "shortcut", "plugnet-checkpoint",
                        "layers[0].W", "", "sha256:00").map(s -> (JsonNode) NODES.stringNode(s)),
                Arbitraries.strings().ofMaxLength(8).map(s -> (JsonNode) NODES.stringNode(s)),
                Arbitraries.just(NODES.nullNode()));
        return Arbitraries.recursive(() -> scalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(list -> {
                    ArrayNode a = NODES.arrayNode();
                    list.forEach(a::add);
                    return (JsonNode) a;
                }),
                Combinators.combine(Arbitraries.of("rows", "cols", "values", "kind", "name", "epoch", "x"), inner)
                        .as((k, v) -> {
                            ObjectNode o = NODES.objectNode();
                            o.set(k, v);
                            return (JsonNode) o;
                        })), 0, 3);
    }

    @Property(tries = 5_000)
    void anyValueAnywhereNeverEscapesAsAnythingButALocatedPlugnetError(@ForAll("values") JsonNode value,
            @ForAll int where, @ForAll int slot, @ForAll boolean replace) {
        ObjectNode root = (ObjectNode) PLUGNET.json().readTree(REAL);
        List<JsonNode> containers = new ArrayList<>();
        containers.add(root);
        for (int i = 0; i < containers.size(); i++) {
            containers.get(i).forEach(child -> {
                if (child.isContainer()) {
                    containers.add(child);
                }
            });
        }
        JsonNode target = containers.get(Math.floorMod(where, containers.size()));
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>(o.propertyNames());
            o.set(replace && !names.isEmpty() ? names.get(Math.floorMod(slot, names.size())) : "extra", value);
        } else if (target instanceof ArrayNode a) {
            if (replace && !a.isEmpty()) {
                a.set(Math.floorMod(slot, a.size()), value);
            } else {
                a.add(value);
            }
        }
        survives(PLUGNET.json().writeValueAsString(CheckpointChecksum.seal(PLUGNET.json(), root))
                .getBytes(StandardCharsets.UTF_8));
    }

    // ---- foreign files ----------------------------------------------------------------------------

    @Provide
    Arbitrary<byte[]> foreign() {
        byte[] real = REAL.getBytes(StandardCharsets.UTF_8);
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.integers().between(0, real.length - 1).map(n -> java.util.Arrays.copyOf(real, n)),
                values().map(v -> v.toString().getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(CONFIG, "a,b,label\n1,2,x\n", "", " \n", "null", "{}", "[]", "{\"kind\": 3}",
                        "{\"kind\": \"plugnet-checkpoint\"}", "{\"kind\": \"plugnet-checkpoint\", \"format\": 2}",
                        "\uFEFF" + REAL).map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 2_000)
    void foreignFilesNeverEscapeAsAnythingButALocatedPlugnetError(@ForAll("foreign") byte[] bytes) {
        survives(bytes);
    }
}
