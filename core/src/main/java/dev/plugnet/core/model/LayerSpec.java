package dev.plugnet.core.model;

import dev.plugnet.core.json.JsonValues;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the model's {@code layers}: {@code {"type": "dense", "units": 4, "activation": "sigmoid"}}.
 *
 * @param type the layer plugin's name
 * @param options the layer's own options (everything but {@code type} and {@code activation})
 * @param activation the activation applied to the layer's output, or {@code null} for none
 */
public record LayerSpec(String type, Map<String, Object> options, ComponentSpec activation) {
    public LayerSpec {
        Objects.requireNonNull(type, "type");
        options = JsonValues.immutableCopy(options);
    }
}
