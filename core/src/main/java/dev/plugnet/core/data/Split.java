package dev.plugnet.core.data;

/**
 * Which rows of a data set are for training, validation and the held-out test; each in increasing order.
 *
 * @param train rows to train on
 * @param validation rows for the per-epoch report and early stopping (may be empty)
 * @param test rows for the final held-out report (may be empty)
 */
public record Split(int[] train, int[] validation, int[] test) {
    public Split {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && java.util.Arrays.equals(train, s.train)
                && java.util.Arrays.equals(validation, s.validation) && java.util.Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(train) * 31 * 31 + java.util.Arrays.hashCode(validation) * 31
                + java.util.Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "Split[train=" + train.length + " rows, validation=" + validation.length + " rows, test="
                + test.length + " rows]";
    }
}
