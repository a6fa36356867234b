package dev.plugnet.core.json;

import dev.plugnet.api.ConfigException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A path-aware view of one JSON object: reads typed fields, and refuses fields it was not told about, so that
 * every problem is reported with its JSON path and what was expected.
 */
public final class JsonObjectReader {
    private final JsonNode node;
    private final String path;

    private JsonObjectReader(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /**
     * @param node the value that must be an object
     * @param path its JSON path ({@code $} for the document)
     * @throws ConfigException if it is not an object
     */
    public static JsonObjectReader of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new ConfigException(path, "expected an object, got " + JsonValues.describe(node));
        }
        return new JsonObjectReader(node, path);
    }

    /** @return the JSON path of a field of this object */
    public String path(String field) {
        return dev.plugnet.api.Options.childPath(path, field);
    }

    public String path() {
        return path;
    }

    public JsonNode node() {
        return node;
    }

    /** @throws ConfigException naming the first field that is not in {@code allowed} */
    public JsonObjectReader allowOnly(Set<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new ConfigException(path(name), "unknown field; expected one of: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return this;
    }

    public boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    public JsonNode get(String field) {
        return node.get(field);
    }

    /** @return a required field */
    public JsonNode require(String field, String expected) {
        if (!has(field)) {
            throw new ConfigException(path(field), "missing; expected " + expected);
        }
        return node.get(field);
    }

    public String string(String field, String fallback) {
        if (!has(field)) {
            return fallback;
        }
        return requireString(field);
    }

    public String requireString(String field) {
        JsonNode v = require(field, "a string");
        if (!v.isString()) {
            throw new ConfigException(path(field), "expected a string, got " + JsonValues.describe(v));
        }
        return v.stringValue();
    }

    /** @return an integer field of at least {@code minimum} */
    public int integer(String field, int fallback, int minimum) {
        if (!has(field)) {
            return fallback;
        }
        return requireInteger(field, minimum);
    }

    public int requireInteger(String field, int minimum) {
        JsonNode v = require(field, minimum == 1 ? "a positive integer" : "an integer >= " + minimum);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < minimum) {
            throw new ConfigException(path(field), "expected " + (minimum == 1 ? "a positive integer"
                    : "an integer >= " + minimum) + ", got " + JsonValues.describe(v));
        }
        return v.intValue();
    }

    public long longValue(String field, long fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new ConfigException(path(field), "expected an integer, got " + JsonValues.describe(v));
        }
        return v.longValue();
    }

    /** @return a number field in {@code [min, max]} */
    public double number(String field, double fallback, double min, double max) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() < min || v.doubleValue() > max) {
            throw new ConfigException(path(field), "expected a number from " + min + " to " + max + ", got "
                    + JsonValues.describe(v));
        }
        return v.doubleValue();
    }

    public boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw new ConfigException(path(field), "expected true or false, got " + JsonValues.describe(v));
        }
        return v.booleanValue();
    }

    /** @return the elements of a required array field with their paths */
    public List<Element> requireArray(String field, String expected) {
        JsonNode v = require(field, expected);
        if (!v.isArray()) {
            throw new ConfigException(path(field), "expected " + expected + ", got " + JsonValues.describe(v));
        }
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(new Element(v.get(i), path(field) + "[" + i + "]"));
        }
        return out;
    }

    /** One element of an array, with its path. */
    public record Element(JsonNode node, String path) {
    }
}
