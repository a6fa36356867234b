package dev.plugnet.api;

/**
 * The types a plugin option can have, as they appear in JSON.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public enum OptionType {
    /** A JSON integer (no fraction), read as a Java {@code int}. */
    INTEGER("an integer"),
    /** A JSON number, read as a Java {@code double}. */
    NUMBER("a number"),
    /** {@code true} or {@code false}. */
    BOOLEAN("true or false"),
    /** A JSON string. */
    STRING("a string"),
    /** A JSON array of numbers, read as {@code double[]}. */
    NUMBER_LIST("a list of numbers"),
    /** A JSON array of equally long arrays of numbers (rows), read as {@code double[][]}. */
    NUMBER_MATRIX("a list of rows of numbers");

    private final String description;

    OptionType(String description) {
        this.description = description;
    }

    /** @return how the expected value is described in messages, for example {@code "an integer"} */
    public String description() {
        return description;
    }
}
