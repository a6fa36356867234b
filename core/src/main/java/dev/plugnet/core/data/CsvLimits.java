package dev.plugnet.core.data;

import dev.plugnet.core.files.LimitProperty;

/**
 * How much a CSV file may hold, so that a huge file, a device such as {@code /dev/zero} or an endless pipe is
 * refused with a clear message instead of exhausting memory. Each limit can be raised with its system property
 * ({@code PLUGNET_JAVA_OPTS=-Dplugnet.max-csv-bytes=2000000000 ./plugnet train …}).
 *
 * @param maxBytes the largest CSV file ({@code plugnet.max-csv-bytes}, default 256 MiB)
 * @param maxRows the most data rows ({@code plugnet.max-csv-rows}, default 10,000,000)
 */
public record CsvLimits(long maxBytes, long maxRows) {
    /** The defaults. */
    public static final CsvLimits DEFAULTS = new CsvLimits(256L << 20, 10_000_000L);

    /** @return the defaults, overridden by {@code plugnet.max-csv-bytes} and {@code plugnet.max-csv-rows} */
    public static CsvLimits fromSystemProperties() {
        return new CsvLimits(LimitProperty.of("plugnet.max-csv-bytes", DEFAULTS.maxBytes),
                LimitProperty.of("plugnet.max-csv-rows", DEFAULTS.maxRows));
    }
}
