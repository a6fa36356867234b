package dev.plugnet.testkit;

import dev.plugnet.api.OptionSpec;
import dev.plugnet.api.OptionType;
import dev.plugnet.api.Options;
import dev.plugnet.api.PlugnetException;
import dev.plugnet.api.PluginNames;
import dev.plugnet.api.PluginProvider;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks a provider's name, its declared options, and the round trip given → {@link Options} → JSON → given. */
final class OptionChecks {
    private OptionChecks() {
    }

    /**
     * Runs {@link #check} and then parses {@code given} as the provider's options.
     *
     * @return the parsed options, or empty when they do not parse (the check has then said why)
     */
    static Optional<Options> checkAndParse(PluginProvider provider, Map<String, ?> given, String path,
                                                     Findings findings) {
        check(provider, given, path, findings);
        try {
            return Optional.of(Options.parse(provider.options(), given, path));
        } catch (PlugnetException e) {
            return Optional.empty();
        }
    }

    static void check(PluginProvider provider, Map<String, ?> given, String path, Findings findings) {
        String name = provider.name();
        if (!PluginNames.isValid(name)) {
            findings.add("name " + PluginNames.shown(name) + " is not " + PluginNames.RULE);
        }
        if (provider.description() == null || provider.description().isBlank()) {
            findings.add("description is empty; listings show it");
        }
        List<OptionSpec> specs = provider.options();
        Set<String> seen = new HashSet<>();
        for (OptionSpec spec : specs) {
            declared(spec, seen, findings);
        }
        Options options;
        try {
            options = Options.parse(specs, given, path);
        } catch (PlugnetException e) {
            findings.add("the given options " + given + " are refused: " + e.getMessage());
            return;
        }
        if (!canonical(given).equals(canonical(options.given()))) {
            findings.add("options given as " + canonical(given) + " read back as " + canonical(options.given()));
        }
        String json = JsonText.write(options.given());
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> reread = (Map<String, Object>) JsonText.parse(json);
            Options again = Options.parse(specs, reread, path);
            if (!canonical(options.given()).equals(canonical(again.given()))) {
                findings.add("options written as JSON " + json + " read back as " + canonical(again.given()));
            }
        } catch (PlugnetException e) {
            findings.add("options written as JSON " + json + " are refused when read back: " + e.getMessage());
        }
        for (OptionSpec spec : specs) {
            if (options.has(spec.name())) {
                try {
                    read(options, spec);
                } catch (RuntimeException e) {
                    findings.add("option " + spec.name() + " cannot be read as " + spec.type() + ": " + e);
                }
            }
        }
    }

    private static void declared(OptionSpec spec, Set<String> seen, Findings findings) {
        String at = "option " + spec.name();
        if (!PluginNames.isValid(spec.name())) {
            findings.add(at + ": the name is not " + PluginNames.RULE);
        }
        if (!seen.add(spec.name())) {
            findings.add(at + " is declared twice");
        }
        if (spec.required() && spec.defaultValue() != null) {
            findings.add(at + " is required but also has a default, which would never be used");
        }
        if (!spec.choices().isEmpty() && spec.type() != OptionType.STRING) {
            findings.add(at + " has choices but is " + spec.type() + "; choices apply to STRING options");
        }
        if (spec.defaultValue() == null) {
            return;
        }
        try {
            Options d = Options.parse(List.of(spec), Map.of(spec.name(), spec.defaultValue()), "defaults");
            read(d, spec);
        } catch (PlugnetException | ClassCastException e) {
            findings.add(at + ": its default " + spec.defaultValue() + " is not a valid value ("
                    + e.getMessage() + ")");
        }
        Class<?> expected = switch (spec.type()) {
            case INTEGER -> Integer.class;
            case NUMBER -> Double.class;
            case BOOLEAN -> Boolean.class;
            case STRING -> String.class;
            default -> null;
        };
        if (expected != null && !expected.isInstance(spec.defaultValue())) {
            findings.add(at + ": its default is a " + spec.defaultValue().getClass().getSimpleName() + ", but a "
                    + spec.type() + " option's default must be a " + expected.getSimpleName());
        }
    }

    private static Object read(Options options, OptionSpec spec) {
        return switch (spec.type()) {
            case INTEGER -> options.integer(spec.name());
            case NUMBER -> options.number(spec.name());
            case BOOLEAN -> options.bool(spec.name());
            case STRING -> options.string(spec.name());
            case NUMBER_LIST -> options.numberList(spec.name());
            case NUMBER_MATRIX -> options.numberMatrix(spec.name());
        };
    }

    /** @return the value with every number as a double and every array as a list, for comparison */
    static Object canonical(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof double[] a) {
            List<Object> list = new ArrayList<>();
            for (double d : a) {
                list.add(d);
            }
            return list;
        }
        if (v instanceof double[][] m) {
            List<Object> rows = new ArrayList<>();
            for (double[] r : m) {
                rows.add(canonical(r));
            }
            return rows;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(OptionChecks::canonical).toList();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(k, canonical(val)));
            return out;
        }
        return v;
    }
}
