package dev.plugnet.core.checkpoint;

import dev.plugnet.api.ConfigException;
import dev.plugnet.core.json.JsonObjectReader;
import dev.plugnet.core.text.Printable;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a checkpoint's values must mean, beyond their types, checked on load like the weights are: a sealed
 * checkpoint may still have been forged (sealed again after an edit), and its preprocessing must not give
 * garbage results silently. Each rule names its JSON path.
 * <ul>
 * <li>feature names and class names are unique;</li>
 * <li>each mean is finite and its magnitude at most {@link #MAX_MEAN} (a feature standardised around 1e308
 *     overflows);</li>
 * <li>each scale is finite, above zero and a normal double (at least {@link Double#MIN_NORMAL}: dividing by a
 *     denormal scale overflows), and at most {@link #MAX_MEAN};</li>
 * <li>the class list has as many names as the network has outputs ({@link CheckpointRestorer} checks that,
 *     once the network is assembled).</li>
 * </ul>
 */
final class CheckpointValidator {
    /** The largest magnitude of a mean or scale: far beyond any real feature, below where standardising overflows. */
    static final double MAX_MEAN = 1e300;

    private CheckpointValidator() {
    }

    static void standardisation(JsonObjectReader p, String meansField, String scalesField, List<String> names,
                                double[] means, double[] scales) {
        for (int i = 0; i < means.length; i++) {
            if (Math.abs(means[i]) > MAX_MEAN) {
                throw new ConfigException(p.path(meansField) + "[" + i + "]", String.format(Locale.ROOT,
                        "expected a mean of magnitude at most %s (feature %s), got %s", MAX_MEAN,
                        Printable.quoted(names.get(i)), means[i]));
            }
        }
        for (int i = 0; i < scales.length; i++) {
            if (!(scales[i] >= Double.MIN_NORMAL) || scales[i] > MAX_MEAN) {
                throw new ConfigException(p.path(scalesField) + "[" + i + "]", String.format(Locale.ROOT,
                        "expected a scale above zero, at least %s and at most %s (feature %s), got %s",
                        Double.MIN_NORMAL, MAX_MEAN, Printable.quoted(names.get(i)), scales[i]));
            }
        }
    }

    static void unique(JsonObjectReader p, String field, List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                throw new ConfigException(p.path(field) + "[" + i + "]", "the " + what + " name "
                        + Printable.quoted(names.get(i)) + " appears twice; each " + what + " is named once");
            }
        }
    }
}
