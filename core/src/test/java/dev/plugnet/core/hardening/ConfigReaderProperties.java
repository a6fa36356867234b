package dev.plugnet.core.hardening;

import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.model.ModelLimits;
import dev.plugnet.core.model.StrictJson;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.plugins.PluginRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated and mutated configs, 10,000 of each kind per run: reading and assembling either succeeds or throws
 * one of plugnet's own errors with a location; nothing else may escape.
 */
class ConfigReaderProperties {
    private static final Plugnet PLUGNET = Plugnet.with(PluginRegistry.discover(), ModelLimits.DEFAULTS);
    private static final String SEED = read("../examples/seed-5-4-3.json");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads, assembles and runs one step; only a located PlugnetException may come out. */
    private static void survives(String json) {
        try {
            AssembledModel model = PLUGNET.assemble(PLUGNET.reader().read(json));
            assertTrue(model.network().parameterCount() >= 0);
        } catch (PlugnetException e) {
            assertFalse(e.location().isBlank(), () -> "no location in: " + e.getMessage() + "\nfor: " + json);
            assertFalse(e.problem().isBlank());
        }
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

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Character> chars = Arbitraries.oneOf(Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '-', '.',
                'e', '0', '9', ' ', '\\', 'n', 't'), Arbitraries.chars());
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 10_000), chars, Arbitraries.integers().between(1, 40))
                .as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 10_000)
    void mutatedTextNeverEscapesAsAnythingButAPlugnetError(@ForAll("edits") List<Edit> edits) {
        String text = SEED;
        for (Edit e : edits) {
            text = e.apply(text);
        }
        survives(text);
    }

    // ---- structural substitutions: any JSON value anywhere in the example -------------------------

    @Provide
    Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l)),
                Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.of(0, 1, -1, 2, 3, 4, 5, 1_000_000_000, Integer.MAX_VALUE).map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
                Arbitraries.of("dense", "sigmoid", "softmax", "relu", "cross_entropy", "mse", "adam", "sgd", "xavier",
                        "", "@class", "java.lang.Runtime").map(s -> (JsonNode) NODES.stringNode(s)),
                Arbitraries.strings().ofMaxLength(12).map(s -> (JsonNode) NODES.stringNode(s)),
                Arbitraries.just(NODES.nullNode()));
        return Arbitraries.recursive(() -> scalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(list -> {
                    ArrayNode a = NODES.arrayNode();
                    list.forEach(a::add);
                    return (JsonNode) a;
                }),
                Combinators.combine(Arbitraries.of("type", "units", "activation", "weights", "biases", "bias",
                        "learning_rate", "inputs", "x"), inner).as((k, v) -> {
                    ObjectNode o = NODES.objectNode();
                    o.set(k, v);
                    return (JsonNode) o;
                })), 0, 3);
    }

    private static List<JsonNode> containers(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        out.add(root);
        for (int i = 0; i < out.size(); i++) {
            JsonNode n = out.get(i);
            if (n.isContainer()) {
                n.forEach(child -> {
                    if (child.isContainer()) {
                        out.add(child);
                    }
                });
            }
        }
        return out;
    }

    @Property(tries = 10_000)
    void anyValueAnywhereNeverEscapesAsAnythingButAPlugnetError(@ForAll("values") JsonNode value,
            @ForAll int where, @ForAll int slot, @ForAll boolean replace) {
        JsonNode root = StrictJson.readTree(StrictJson.mapper(), SEED);
        List<JsonNode> containers = containers(root);
        JsonNode target = containers.get(Math.floorMod(where, containers.size()));
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>(o.propertyNames());
            String name = replace && !names.isEmpty() ? names.get(Math.floorMod(slot, names.size())) : "extra";
            o.set(name, value);
        } else if (target instanceof ArrayNode a) {
            if (replace && !a.isEmpty()) {
                a.set(Math.floorMod(slot, a.size()), value);
            } else {
                a.add(value);
            }
        }
        survives(root.toString());
    }
}
