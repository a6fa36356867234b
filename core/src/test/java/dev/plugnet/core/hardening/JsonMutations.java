package dev.plugnet.core.hardening;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Generated JSON values, and putting one anywhere in a document: what the JSON readers' properties share. */
final class JsonMutations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonMutations() {
    }

    /**
     * @param words strings that mean something to the reader under test (plugin names, kinds, paths)
     * @param keys field names for generated objects
     * @param maxStringLength the longest random string
     * @return JSON values nested up to three levels: numbers of every size, booleans, the words, random strings,
     *         null, arrays and one-field objects
     */
    static Generator<JsonNode> values(List<String> words, List<String> keys, int maxStringLength) {
        Generator<JsonNode> scalars = Generator.oneOf(
                Generator.anyInt().map(NODES::numberNode),
                Generator.anyLong().map(NODES::numberNode),
                Generator.anyFiniteDouble().map(NODES::numberNode),
                Generator.of(0, 1, -1, 2, 3, 4, 5, 1_000_000_000, Integer.MAX_VALUE).map(NODES::numberNode),
                Generator.booleans().map(NODES::booleanNode),
                Generator.of(words.toArray(new String[0])).map(NODES::stringNode),
                Generator.strings(maxStringLength).map(NODES::stringNode),
                Generator.constant(NODES.nullNode()));
        Generator<String> names = Generator.of(keys.toArray(new String[0]));
        return Generator.recursive(scalars, inner -> Generator.oneOf(
                inner.list(0, 4).map(list -> {
                    ArrayNode a = NODES.arrayNode();
                    list.forEach(a::add);
                    return a;
                }),
                random -> {
                    ObjectNode o = NODES.objectNode();
                    o.set(names.next(random), inner.next(random));
                    return o;
                }), 3);
    }

    /**
     * Where a generated value goes: the container {@code where} (mod their count), the slot in it (mod its size),
     * replacing what is there or added.
     */
    record Substitution(JsonNode value, int where, int slot, boolean replace) {
        static Generator<Substitution> of(Generator<JsonNode> values) {
            Generator<Integer> ints = Generator.anyInt();
            return random -> new Substitution(values.next(random), ints.next(random), ints.next(random),
                    random.nextBoolean());
        }

        /** Puts the value into {@code root} (changed in place). */
        void applyTo(JsonNode root) {
            List<JsonNode> containers = containers(root);
            JsonNode target = containers.get(Math.floorMod(where, containers.size()));
            if (target instanceof ObjectNode o) {
                List<String> fields = new ArrayList<>(o.propertyNames());
                o.set(replace && !fields.isEmpty() ? fields.get(Math.floorMod(slot, fields.size())) : "extra", value);
            } else if (target instanceof ArrayNode a) {
                if (replace && !a.isEmpty()) {
                    a.set(Math.floorMod(slot, a.size()), value);
                } else {
                    a.add(value);
                }
            }
        }
    }

    /** @return {@code root} and every object and array in it, breadth first */
    static List<JsonNode> containers(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        out.add(root);
        for (int i = 0; i < out.size(); i++) {
            out.get(i).forEach(child -> {
                if (child.isContainer()) {
                    out.add(child);
                }
            });
        }
        return out;
    }
}
