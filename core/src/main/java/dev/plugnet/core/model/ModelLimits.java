package dev.plugnet.core.model;

import dev.plugnet.api.ConfigException;
import dev.plugnet.core.json.StrictJson;

/**
 * Resource limits on what a model file may ask for, checked before anything is allocated: a hostile or
 * mistaken config ({@code "units": 2000000000}, a 100 MB file, 10,000 nested arrays) gets a clear error, not an
 * {@link OutOfMemoryError}. Each limit can be raised with a system property of the same name, for example
 * {@code PLUGNET_JAVA_OPTS=-Dplugnet.max-parameters=200000000 ./plugnet train …}.
 *
 * @param maxConfigBytes the largest model file, in bytes ({@code plugnet.max-config-bytes}, default 8 MiB)
 * @param maxNestingDepth the deepest JSON nesting in any file plugnet reads ({@code plugnet.max-nesting-depth},
 *        default 64)
 * @param maxLayers the most entries in {@code layers} ({@code plugnet.max-layers}, default 1,000)
 * @param maxWidth the widest layer or input, in units ({@code plugnet.max-width}, default 1,000,000)
 * @param maxParameters the most trainable values in a model ({@code plugnet.max-parameters}, default 50,000,000,
 *        400 MB of doubles)
 */
public record ModelLimits(long maxConfigBytes, int maxNestingDepth, int maxLayers, int maxWidth,
                          long maxParameters) {
    /** The defaults. */
    public static final ModelLimits DEFAULTS = new ModelLimits(8L << 20, StrictJson.DEFAULT_MAX_NESTING_DEPTH, 1_000, 1_000_000, 50_000_000L);

    /**
     * @return the defaults, overridden by any {@code plugnet.max-…} system property
     * @throws ConfigException if a property is not a positive integer
     */
    public static ModelLimits fromSystemProperties() {
        ModelLimits d = DEFAULTS;
        return new ModelLimits(property("plugnet.max-config-bytes", d.maxConfigBytes),
                (int) Math.min(Integer.MAX_VALUE, property("plugnet.max-nesting-depth", d.maxNestingDepth)),
                (int) Math.min(Integer.MAX_VALUE, property("plugnet.max-layers", d.maxLayers)),
                (int) Math.min(Integer.MAX_VALUE, property("plugnet.max-width", d.maxWidth)),
                property("plugnet.max-parameters", d.maxParameters));
    }

    private static long property(String name, long fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            return fallback;
        }
        try {
            long v = Long.parseLong(value.trim().replace("_", ""));
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("-D" + name, "expected a positive integer, got \"" + value + "\"");
    }
}
