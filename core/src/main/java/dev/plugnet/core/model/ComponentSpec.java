package dev.plugnet.core.model;

import dev.plugnet.core.json.JsonValues;
import java.util.Map;
import java.util.Objects;

/**
 * A reference to a plugin with its options, as written in JSON: {@code {"type": "adam", "learning_rate": 0.01}}
 * or, without options, just {@code "adam"}.
 *
 * @param type the plugin's name
 * @param options the options given (plain values: numbers, booleans, strings, lists), in order
 */
public record ComponentSpec(String type, Map<String, Object> options) {
    public ComponentSpec {
        Objects.requireNonNull(type, "type");
        options = JsonValues.immutableCopy(options);
    }

    /** @return a component with no options */
    public static ComponentSpec named(String type) {
        return new ComponentSpec(type, Map.of());
    }
}
