package dev.plugnet.core.files;

import dev.plugnet.api.ConfigException;

/** A reading limit raised with a system property ({@code -Dplugnet.max-csv-bytes=N}): a positive integer. */
public final class LimitProperty {
    private LimitProperty() {
    }

    /**
     * @return the property's value, or {@code fallback} when it is not set
     * @throws ConfigException if it is set and not a positive integer
     */
    public static long of(String name, long fallback) {
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
