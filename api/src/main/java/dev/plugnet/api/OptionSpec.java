package dev.plugnet.api;

import java.util.List;
import java.util.Objects;

/**
 * One option a plugin accepts: the single source from which options are validated, listed and turned into a
 * JSON schema.
 *
 * @param name the option's JSON name, lower case with underscores ({@code learning_rate})
 * @param type its type
 * @param defaultValue the value used when the option is absent ({@link Integer}, {@link Double},
 *        {@link Boolean} or {@link String}), or {@code null} when there is none
 * @param required whether the option must be given
 * @param description one sentence for listings and schemas
 * @param choices the allowed values of a {@link OptionType#STRING} option; empty means any
 * @param minimum the smallest allowed value of a numeric option, or {@code null}
 * @param exclusiveMinimum whether {@code minimum} itself is excluded
 * @param maximum the largest allowed value of a numeric option, or {@code null}
 * @param exclusiveMaximum whether {@code maximum} itself is excluded
 */
public record OptionSpec(String name, OptionType type, Object defaultValue, boolean required, String description,
                         List<String> choices, Double minimum, boolean exclusiveMinimum, Double maximum,
                         boolean exclusiveMaximum) {

    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
    }

    /** An option with at most a lower bound (the form of api 1.0). */
    public OptionSpec(String name, OptionType type, Object defaultValue, boolean required, String description,
                      List<String> choices, Double minimum, boolean exclusiveMinimum) {
        this(name, type, defaultValue, required, description, choices, minimum, exclusiveMinimum, null, false);
    }

    /** @return an optional integer option with a default */
    public static OptionSpec integer(String name, int defaultValue, String description) {
        return new OptionSpec(name, OptionType.INTEGER, defaultValue, false, description, List.of(), null, false);
    }

    /** @return a required integer option */
    public static OptionSpec requiredInteger(String name, String description) {
        return new OptionSpec(name, OptionType.INTEGER, null, true, description, List.of(), null, false);
    }

    /** @return an optional number option with a default */
    public static OptionSpec number(String name, double defaultValue, String description) {
        return new OptionSpec(name, OptionType.NUMBER, defaultValue, false, description, List.of(), null, false);
    }

    /** @return an optional boolean option with a default */
    public static OptionSpec bool(String name, boolean defaultValue, String description) {
        return new OptionSpec(name, OptionType.BOOLEAN, defaultValue, false, description, List.of(), null, false);
    }

    /** @return an optional string option with a default, restricted to {@code choices} */
    public static OptionSpec choice(String name, String defaultValue, String description, String... choices) {
        return new OptionSpec(name, OptionType.STRING, defaultValue, false, description, List.of(choices), null, false);
    }

    /** @return an optional list of numbers, with no default */
    public static OptionSpec numberList(String name, String description) {
        return new OptionSpec(name, OptionType.NUMBER_LIST, null, false, description, List.of(), null, false);
    }

    /** @return an optional matrix of numbers, with no default */
    public static OptionSpec numberMatrix(String name, String description) {
        return new OptionSpec(name, OptionType.NUMBER_MATRIX, null, false, description, List.of(), null, false);
    }

    /** @return this option, also requiring values {@code >= minimum} */
    public OptionSpec atLeast(double minimum) {
        return new OptionSpec(name, type, defaultValue, required, description, choices, minimum, false, maximum,
                exclusiveMaximum);
    }

    /** @return this option, also requiring values {@code > minimum} */
    public OptionSpec greaterThan(double minimum) {
        return new OptionSpec(name, type, defaultValue, required, description, choices, minimum, true, maximum,
                exclusiveMaximum);
    }

    /** @return this option, also requiring values {@code <= maximum} */
    public OptionSpec atMost(double maximum) {
        return new OptionSpec(name, type, defaultValue, required, description, choices, minimum, exclusiveMinimum,
                maximum, false);
    }

    /** @return this option, also requiring values {@code < maximum} */
    public OptionSpec lessThan(double maximum) {
        return new OptionSpec(name, type, defaultValue, required, description, choices, minimum, exclusiveMinimum,
                maximum, true);
    }

    /** @return whether a numeric value lies within this option's bounds */
    public boolean allows(double value) {
        boolean aboveMinimum = minimum == null || (exclusiveMinimum ? value > minimum : value >= minimum);
        boolean belowMaximum = maximum == null || (exclusiveMaximum ? value < maximum : value <= maximum);
        return aboveMinimum && belowMaximum;
    }

    /** @return what a valid value looks like, for messages: {@code "a positive integer"}, {@code "a number >= 0"} */
    public String expectation() {
        if (!choices.isEmpty()) {
            return "one of " + String.join(", ", choices.stream().map(c -> '"' + c + '"').toList());
        }
        if (minimum == null && maximum == null) {
            return type.description();
        }
        if (type == OptionType.INTEGER && maximum == null
                && ((exclusiveMinimum && minimum == 0.0) || (!exclusiveMinimum && minimum == 1.0))) {
            return "a positive integer";
        }
        StringBuilder out = new StringBuilder(type.description());
        if (minimum != null) {
            out.append(exclusiveMinimum ? " > " : " >= ").append(bound(minimum));
        }
        if (maximum != null) {
            out.append(minimum != null ? " and" : "").append(exclusiveMaximum ? " < " : " <= ").append(bound(maximum));
        }
        return out.toString();
    }

    private static String bound(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
