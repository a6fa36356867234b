package dev.plugnet.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The formulas a plugin computes, in SPEC.md's notation, for {@code explain} to print beside each step's
 * values. Every part is optional: where a plugin gives none, {@code explain} prints a neutral description
 * ("dense's backward") instead of guessing, so a plugin is never shown with a false equation.
 *
 * <p>Each formula is the right-hand side of an equation and may use these placeholders, which
 * {@code explain} fills in: {@code {in}} the symbol of the plugin's input (for a layer its input batch such as
 * {@code x} or {@code z}; for an activation the pre-activation {@code a2}; for a loss and a shortcut the
 * network's output {@code s}, and for a shortcut's backward the logits), {@code {out}} the symbol of its output
 * ({@code a2}, {@code z}, {@code s}; for a shortcut the activation's output), {@code {n}} the layer's number
 * from 1, and {@code {t}} the targets. What each part means per kind of plugin:
 * <ul>
 * <li>layer: {@code forward} is {@code {out} = …}, {@code backward} is {@code dL/d{in} = …}, and
 *     {@link #parameters()} maps a parameter's name to {@code dL/d<name>{n} = …};</li>
 * <li>activation: {@code forward} is {@code {out} = …}, {@code backward} is {@code dL/d{in} = …};</li>
 * <li>loss: {@code forward} is {@code L = …}, {@code backward} is {@code dL/d{in} = …};</li>
 * <li>shortcut: {@code forward} is {@code L = …}, {@code backward} is {@code dL/d{in} = …} with {@code {in}}
 *     the logits.</li>
 * </ul>
 *
 * @param forward the forward formula, or {@code null}
 * @param backward the backward formula, or {@code null}
 * @param parameters per parameter name, the formula of its gradient (layers only)
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
public record Formulas(String forward, String backward, Map<String, String> parameters) {
    private static final Formulas NONE = new Formulas(null, null, Map.of());

    public Formulas {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** @return no formulas: {@code explain} describes the plugin's steps neutrally */
    public static Formulas none() {
        return NONE;
    }

    /** @return a forward and a backward formula, no parameter formulas */
    public static Formulas of(String forward, String backward) {
        return new Formulas(forward, backward, Map.of());
    }

    /** @return these formulas with the gradient formula of parameter {@code name} */
    public Formulas withParameter(String name, String gradient) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(gradient, "gradient"));
        return new Formulas(forward, backward, all);
    }
}
