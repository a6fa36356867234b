package dev.plugnet.core.json;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Options;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversion between JSON trees and the plain values plugin options are made of (numbers, booleans, strings and
 * lists of them), so that plugins never see Jackson.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** @return an unmodifiable deep copy of a map of plain values, keeping its order */
    public static Map<String, Object> immutableCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, immutable(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object immutable(Object value) {
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(immutable(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /**
     * @param node a JSON value that is not an object
     * @param path its JSON path, for messages
     * @return the plain value
     * @throws ConfigException for an object or null (plugin options are flat)
     */
    public static Object toPlain(JsonNode node, String path) {
        if (node.isIntegralNumber()) {
            if (node.canConvertToInt()) {
                return node.intValue();
            }
            if (node.canConvertToLong()) {
                return node.longValue();
            }
            return node.bigIntegerValue();
        }
        if (node.isNumber()) {
            double v = node.doubleValue();
            if (!Double.isFinite(v)) {
                throw new ConfigException(path, "expected a finite number, got " + RawNumbers.BEYOND);
            }
            return v;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                out.add(toPlain(node.get(i), path + "[" + i + "]"));
            }
            return out;
        }
        throw new ConfigException(path, "expected a number, boolean, string or list, got " + describe(node));
    }

    /** @return a JSON tree for a plain value */
    public static JsonNode toNode(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof Integer i) {
            return f.numberNode(i);
        }
        if (value instanceof Long l) {
            return f.numberNode(l);
        }
        if (value instanceof BigInteger b) {
            return f.numberNode(b);
        }
        if (value instanceof Double d) {
            return f.numberNode(d);
        }
        if (value instanceof BigDecimal d) {
            return f.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof String s) {
            return f.stringNode(s);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = f.arrayNode();
            list.forEach(v -> array.add(toNode(v)));
            return array;
        }
        throw new IllegalArgumentException("not a plain JSON value: " + value);
    }

    /**
     * @return a short description of a JSON value for messages, in {@link Options#describe}'s words (the one
     *         wording for values in messages): {@code -3}, {@code "four"}, {@code a list of 2}, {@code an object};
     *         {@code nothing} for a missing value
     */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNumber() && node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            return RawNumbers.BEYOND;
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.toString();
        }
        if (node.isString()) {
            return Options.describe(node.stringValue());
        }
        if (node.isArray()) {
            return Options.describe(Collections.nCopies(node.size(), (Object) null));
        }
        return Options.describe(node.isNull() ? null : Map.of());
    }
}
