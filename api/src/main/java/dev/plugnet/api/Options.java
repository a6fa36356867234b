package dev.plugnet.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plugin's options, checked against its {@link OptionSpec}s and typed: a plugin reads its settings through
 * this view and never sees JSON. Each value knows its JSON path, so a plugin can report a problem with
 * {@link #error(String, String)} in the same form as plugnet's own messages.
 *
 * <p>Values are built from plain Java values as a JSON reader produces them: integral numbers
 * ({@link Integer}, {@link Long}, {@link BigInteger}), other numbers ({@link Double}, {@link BigDecimal}),
 * {@link Boolean}, {@link String} and {@link List}s of these.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public final class Options {
    private final String path;
    private final Map<String, OptionSpec> specs;
    private final Map<String, Object> given;
    private final Map<String, Object> values;

    private Options(String path, Map<String, OptionSpec> specs, Map<String, Object> given, Map<String, Object> values) {
        this.path = path;
        this.specs = specs;
        this.given = given;
        this.values = values;
    }

    /** @return options with no specs and no values, at path {@code path} */
    public static Options empty(String path) {
        return new Options(path, Map.of(), Map.of(), Map.of());
    }

    /**
     * Checks {@code raw} against {@code specs} and returns the typed view.
     *
     * @param specs the options the plugin declares
     * @param raw the values given, by name (not modified)
     * @param path the JSON path of the object holding the options, for example {@code layers[0]}
     * @throws ConfigException naming the path of an unknown option, a missing required one, or a value of the
     *         wrong type or range
     */
    public static Options parse(List<OptionSpec> specs, Map<String, ?> raw, String path) {
        Map<String, OptionSpec> byName = new LinkedHashMap<>();
        for (OptionSpec spec : specs) {
            byName.put(spec.name(), spec);
        }
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key)) {
                String known = byName.isEmpty() ? "this plugin takes no options"
                        : "known options: " + String.join(", ", byName.keySet());
                throw new ConfigException(child(path, key), "unknown option; " + known);
            }
        }
        Map<String, Object> given = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (OptionSpec spec : specs) {
            String at = child(path, spec.name());
            if (raw.containsKey(spec.name())) {
                Object value = convert(spec, raw.get(spec.name()), at);
                given.put(spec.name(), value);
                values.put(spec.name(), value);
            } else if (spec.required()) {
                throw new ConfigException(at, "missing; expected " + spec.expectation());
            } else if (spec.defaultValue() != null) {
                values.put(spec.name(), spec.defaultValue());
            }
        }
        return new Options(path, Collections.unmodifiableMap(byName), Collections.unmodifiableMap(given),
                Collections.unmodifiableMap(values));
    }

    /** @return the JSON path of the object that holds these options */
    public String path() {
        return path;
    }

    /** @return the JSON path of option {@code name}, for messages */
    public String path(String name) {
        return child(path, name);
    }

    /** @return whether {@code name} has a value, given or by default */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** @return the value of an {@link OptionType#INTEGER} option */
    public int integer(String name) {
        return (Integer) value(name, OptionType.INTEGER);
    }

    /** @return the value of a {@link OptionType#NUMBER} option */
    public double number(String name) {
        return (Double) value(name, OptionType.NUMBER);
    }

    /** @return the value of a {@link OptionType#BOOLEAN} option */
    public boolean bool(String name) {
        return (Boolean) value(name, OptionType.BOOLEAN);
    }

    /** @return the value of a {@link OptionType#STRING} option */
    public String string(String name) {
        return (String) value(name, OptionType.STRING);
    }

    /** @return a copy of the value of a {@link OptionType#NUMBER_LIST} option */
    public double[] numberList(String name) {
        return ((double[]) value(name, OptionType.NUMBER_LIST)).clone();
    }

    /** @return a copy of the value of a {@link OptionType#NUMBER_MATRIX} option, as rows */
    public double[][] numberMatrix(String name) {
        double[][] m = (double[][]) value(name, OptionType.NUMBER_MATRIX);
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            copy[i] = m[i].clone();
        }
        return copy;
    }

    /** @return the options that were given explicitly, as plain values (for writing a config back) */
    public Map<String, Object> given() {
        return given;
    }

    /** @return the declared specs, by name, in declaration order */
    public Map<String, OptionSpec> specs() {
        return specs;
    }

    /**
     * @return an exception a plugin throws for a value that is valid on its own but not in context, for example
     *         explicit weights whose shape does not fit the layer's input
     */
    public ConfigException error(String name, String problem) {
        return new ConfigException(path(name), problem);
    }

    private Object value(String name, OptionType type) {
        OptionSpec spec = specs.get(name);
        if (spec == null || spec.type() != type) {
            throw new IllegalArgumentException("option '" + name + "' is not declared as " + type
                    + " (declared: " + specs.values().stream().map(s -> s.name() + " " + s.type())
                    .collect(Collectors.joining(", ")) + ")");
        }
        Object v = values.get(name);
        if (v == null) {
            throw new ConfigException(path(name), "missing; expected " + spec.expectation());
        }
        return v;
    }

    private static String child(String path, String name) {
        return childPath(path, name);
    }

    /**
     * @param path a JSON path ({@code $} or empty for the document)
     * @param name a field of the object at {@code path}
     * @return the field's path: {@code layers[0].units}, or {@code layers[0]["odd name"]} for a name that is not
     *         a plain identifier (so that even an empty name has a visible location)
     */
    @Api(status = Api.Status.INTERNAL, since = "1.0")
    public static String childPath(String path, String name) {
        boolean root = path == null || path.isEmpty() || path.equals("$");
        if (name.matches("[A-Za-z_@$][A-Za-z0-9_@$-]*")) {
            return root ? name : path + "." + name;
        }
        String quoted = "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        return (root ? "$" : path) + quoted;
    }

    // ---- conversion -----------------------------------------------------------------------------------

    private static Object convert(OptionSpec spec, Object raw, String at) {
        Object value = switch (spec.type()) {
            case INTEGER -> toInteger(raw);
            case NUMBER -> toDouble(raw);
            case BOOLEAN -> raw instanceof Boolean b ? b : null;
            case STRING -> raw instanceof String s ? s : null;
            case NUMBER_LIST -> toList(raw);
            case NUMBER_MATRIX -> toMatrix(raw, at);
        };
        if (value == null) {
            throw new ConfigException(at, "expected " + spec.expectation() + ", got " + describe(raw));
        }
        if (!spec.choices().isEmpty() && !spec.choices().contains(value)) {
            throw new ConfigException(at, "expected " + spec.expectation() + ", got " + describe(raw));
        }
        if (value instanceof Integer || value instanceof Double) {
            if (!spec.allows(((Number) value).doubleValue())) {
                throw new ConfigException(at, "expected " + spec.expectation() + ", got " + describe(raw));
            }
        }
        return value;
    }

    private static Integer toInteger(Object raw) {
        if (raw instanceof Integer i) {
            return i;
        }
        if (raw instanceof Long l && l == (int) l.longValue()) {
            return (int) l.longValue();
        }
        if (raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).intValue();
        }
        return null;
    }

    private static Double toDouble(Object raw) {
        if (raw instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (raw instanceof Float f) {
            return Float.isFinite(f) ? f.doubleValue() : null;
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).doubleValue();
        }
        if (raw instanceof BigInteger || raw instanceof BigDecimal) {
            double d = ((Number) raw).doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        return null;
    }

    private static double[] toList(Object raw) {
        if (!(raw instanceof List<?> list)) {
            return null;
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Double d = toDouble(list.get(i));
            if (d == null) {
                return null;
            }
            out[i] = d;
        }
        return out;
    }

    private static double[][] toMatrix(Object raw, String at) {
        if (!(raw instanceof List<?> rows)) {
            return null;
        }
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            double[] row = toList(rows.get(i));
            if (row == null) {
                throw new ConfigException(at + "[" + i + "]", "expected a list of numbers, got "
                        + describe(rows.get(i)));
            }
            if (i > 0 && row.length != out[0].length) {
                throw new ConfigException(at + "[" + i + "]", "expected " + out[0].length
                        + " numbers like row 0, got " + row.length);
            }
            out[i] = row;
        }
        return out;
    }

    /** @return a short description of a raw value for messages: {@code -3}, {@code "four"}, {@code a list} */
    @Api(status = Api.Status.INTERNAL, since = "1.0")
    public static String describe(Object raw) {
        if (raw == null) {
            return "null";
        }
        if (raw instanceof String s) {
            return '"' + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + '"';
        }
        if (raw instanceof List<?> l) {
            return "a list of " + l.size();
        }
        if (raw instanceof Map<?, ?>) {
            return "an object";
        }
        return String.valueOf(raw);
    }

    @Override
    public String toString() {
        return path + " " + values;
    }
}
