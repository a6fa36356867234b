package dev.plugnet.api;

import java.util.List;
import java.util.Objects;

/**
 * One option a plugin accepts: the single source from which options are validated, listed and turned into a
 * JSON schema. Built with a factory ({@link #number}, {@link #integer}, {@link #choice}, …) and refined with
 * the {@code with…} methods and the bounds ({@link #atLeast}, {@link #lessThan}, …), each of which returns a new
 * spec; a spec is immutable.
 *
 * <pre>{@code
 * OptionSpec.number("momentum", 0.9, "Velocity decay.").atLeast(0).lessThan(1)
 * OptionSpec.integer("units", 1, "Output width.").withRequired(true).atLeast(1)
 * }</pre>
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public final class OptionSpec {
    private final String name;
    private final OptionType type;
    private final Object defaultValue;
    private final boolean required;
    private final String description;
    private final List<String> choices;
    private final Double minimum;
    private final boolean exclusiveMinimum;
    private final Double maximum;
    private final boolean exclusiveMaximum;

    private OptionSpec(String name, OptionType type, Object defaultValue, boolean required, String description,
                       List<String> choices, Double minimum, boolean exclusiveMinimum, Double maximum,
                       boolean exclusiveMaximum) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.required = required;
        this.description = Objects.requireNonNull(description, "description");
        this.choices = List.copyOf(choices);
        this.minimum = minimum;
        this.exclusiveMinimum = exclusiveMinimum;
        this.maximum = maximum;
        this.exclusiveMaximum = exclusiveMaximum;
    }

    /** @return an optional option of any type, with no default, no choices and no bounds */
    public static OptionSpec of(String name, OptionType type, String description) {
        return new OptionSpec(name, type, null, false, description, List.of(), null, false, null, false);
    }

    /** @return an optional integer option with a default */
    public static OptionSpec integer(String name, int defaultValue, String description) {
        return of(name, OptionType.INTEGER, description).withDefault(defaultValue);
    }

    /** @return a required integer option */
    public static OptionSpec requiredInteger(String name, String description) {
        return of(name, OptionType.INTEGER, description).withRequired(true);
    }

    /** @return an optional number option with a default */
    public static OptionSpec number(String name, double defaultValue, String description) {
        return of(name, OptionType.NUMBER, description).withDefault(defaultValue);
    }

    /** @return a required number option */
    public static OptionSpec requiredNumber(String name, String description) {
        return of(name, OptionType.NUMBER, description).withRequired(true);
    }

    /** @return an optional boolean option with a default */
    public static OptionSpec bool(String name, boolean defaultValue, String description) {
        return of(name, OptionType.BOOLEAN, description).withDefault(defaultValue);
    }

    /** @return an optional string option with a default, restricted to {@code choices} */
    public static OptionSpec choice(String name, String defaultValue, String description, String... choices) {
        return of(name, OptionType.STRING, description).withDefault(defaultValue).withChoices(List.of(choices));
    }

    /** @return an optional list of numbers, with no default */
    public static OptionSpec numberList(String name, String description) {
        return of(name, OptionType.NUMBER_LIST, description);
    }

    /** @return an optional matrix of numbers, with no default */
    public static OptionSpec numberMatrix(String name, String description) {
        return of(name, OptionType.NUMBER_MATRIX, description);
    }

    /**
     * @param defaultValue an {@link Integer}, {@link Double}, {@link Boolean} or {@link String} matching the
     *        type, or {@code null} for none (the testkit's option check reports a default of the wrong type)
     * @return this option with that default
     */
    public OptionSpec withDefault(Object defaultValue) {
        return new OptionSpec(name, type, defaultValue, required, description, choices, minimum, exclusiveMinimum,
                maximum, exclusiveMaximum);
    }

    /** @return this option, required or not */
    public OptionSpec withRequired(boolean required) {
        return new OptionSpec(name, type, defaultValue, required, description, choices, minimum, exclusiveMinimum,
                maximum, exclusiveMaximum);
    }

    /** @return this option with another description */
    public OptionSpec withDescription(String description) {
        return new OptionSpec(name, type, defaultValue, required, description, choices, minimum, exclusiveMinimum,
                maximum, exclusiveMaximum);
    }

    /** @return this string option restricted to {@code choices} (empty: any string) */
    public OptionSpec withChoices(List<String> choices) {
        return new OptionSpec(name, type, defaultValue, required, description, choices, minimum, exclusiveMinimum,
                maximum, exclusiveMaximum);
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

    /** @return the option's JSON name, lower case with underscores ({@code learning_rate}) */
    public String name() {
        return name;
    }

    /** @return its type */
    public OptionType type() {
        return type;
    }

    /** @return the value used when the option is absent, or {@code null} when there is none */
    public Object defaultValue() {
        return defaultValue;
    }

    /** @return whether the option must be given */
    public boolean required() {
        return required;
    }

    /** @return one sentence for listings and schemas */
    public String description() {
        return description;
    }

    /** @return the allowed values of a {@link OptionType#STRING} option; empty means any */
    public List<String> choices() {
        return choices;
    }

    /** @return the smallest allowed value of a numeric option, or {@code null} */
    public Double minimum() {
        return minimum;
    }

    /** @return whether {@link #minimum()} itself is excluded */
    public boolean exclusiveMinimum() {
        return exclusiveMinimum;
    }

    /** @return the largest allowed value of a numeric option, or {@code null} */
    public Double maximum() {
        return maximum;
    }

    /** @return whether {@link #maximum()} itself is excluded */
    public boolean exclusiveMaximum() {
        return exclusiveMaximum;
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

    @Override
    public boolean equals(Object other) {
        return other instanceof OptionSpec o && name.equals(o.name) && type == o.type
                && Objects.equals(defaultValue, o.defaultValue) && required == o.required
                && description.equals(o.description) && choices.equals(o.choices)
                && Objects.equals(minimum, o.minimum) && exclusiveMinimum == o.exclusiveMinimum
                && Objects.equals(maximum, o.maximum) && exclusiveMaximum == o.exclusiveMaximum;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, defaultValue, required, description, choices, minimum, exclusiveMinimum,
                maximum, exclusiveMaximum);
    }

    @Override
    public String toString() {
        return "OptionSpec[" + name + ": " + expectation() + (required ? ", required" : "")
                + (defaultValue != null ? ", default " + defaultValue : "") + "]";
    }
}
