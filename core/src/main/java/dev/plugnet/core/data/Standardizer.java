package dev.plugnet.core.data;

/**
 * Standardisation of each feature, {@code (x − mean) / scale}, with the mean and the population standard
 * deviation of the training rows (a feature that is constant there gets scale 1).
 *
 * @param means the mean of each feature
 * @param scales the divisor of each feature, positive
 */
public record Standardizer(double[] means, double[] scales) {
    public Standardizer {
        if (means.length != scales.length) {
            throw new IllegalArgumentException("one mean and one scale per feature");
        }
        means = means.clone();
        scales = scales.clone();
    }

    /** @return the standardiser that changes nothing: every mean 0, every scale 1 */
    public static Standardizer identity(int width) {
        double[] ones = new double[width];
        java.util.Arrays.fill(ones, 1.0);
        return new Standardizer(new double[width], ones);
    }

    /** @return the standardiser fitted on {@code rows} of {@code features} only */
    public static Standardizer fit(double[][] features, int[] rows, int width) {
        double[] mean = new double[width];
        double[] scale = new double[width];
        for (int j = 0; j < width; j++) {
            double sum = 0;
            for (int r : rows) {
                sum += features[r][j];
            }
            double m = sum / rows.length;
            double squares = 0;
            for (int r : rows) {
                double d = features[r][j] - m;
                squares += d * d;
            }
            double sd = Math.sqrt(squares / rows.length);
            if (!Double.isFinite(m) || !Double.isFinite(sd)) {
                // values near the largest double: their sum overflows, so the same sums are taken on the values
                // divided by the largest magnitude (ordinary data never comes here, so its bits do not change)
                double a = 0;
                for (int r : rows) {
                    a = Math.max(a, Math.abs(features[r][j]));
                }
                double scaledSum = 0;
                for (int r : rows) {
                    scaledSum += features[r][j] / a;
                }
                double sm = scaledSum / rows.length;
                double scaledSquares = 0;
                for (int r : rows) {
                    double d = features[r][j] / a - sm;
                    scaledSquares += d * d;
                }
                m = sm * a;
                sd = Math.sqrt(scaledSquares / rows.length) * a;
            }
            mean[j] = m;
            scale[j] = sd >= Double.MIN_NORMAL && Double.isFinite(sd) ? sd : 1.0; // never 0 nor denormal
        }
        return new Standardizer(mean, scale);
    }

    /** @return the number of features */
    public int width() {
        return means.length;
    }

    /** Writes the standardised {@code row} into {@code out} from {@code offset}. */
    public void apply(double[] row, double[] out, int offset) {
        for (int j = 0; j < means.length; j++) {
            double v = (row[j] - means[j]) / scales[j];
            // near the largest double, x − mean can overflow where x / scale − mean / scale does not
            out[offset + j] = Double.isFinite(v) ? v : row[j] / scales[j] - means[j] / scales[j];
        }
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardizer s && java.util.Arrays.equals(means, s.means)
                && java.util.Arrays.equals(scales, s.scales);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(means) + java.util.Arrays.hashCode(scales);
    }

    @Override
    public String toString() {
        return "Standardizer[means=" + java.util.Arrays.toString(means) + ", scales="
                + java.util.Arrays.toString(scales) + "]";
    }
}
