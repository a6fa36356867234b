package dev.plugnet.core.data;

/**
 * A labelled data set split and standardised for training.
 *
 * @param dataset the rows as read
 * @param split which rows went where
 * @param preprocessing the standardisation (fitted on the training rows only) and the names
 * @param train the training rows, standardised
 * @param validation the validation rows, standardised (may be empty)
 * @param test the held-out rows, standardised (may be empty)
 */
public record PreparedData(Dataset dataset, Split split, Preprocessing preprocessing, Samples train,
                           Samples validation, Samples test) {

    /**
     * Splits {@code data} (stratified, seeded) and standardises it with statistics of the training rows, or
     * with {@code existing} when continuing a run.
     */
    public static PreparedData prepare(Dataset data, double validationFraction, double testFraction, long seed,
                                       Standardizer existing) {
        Split split = new StratifiedSplitter(validationFraction, testFraction)
                .split(data.labels(), data.labelNames().size(), seed);
        Standardizer standardizer = existing != null ? existing
                : Standardizer.fit(data.features(), split.train(), data.featureNames().size());
        Preprocessing pre = new Preprocessing(data.featureNames(), data.labelColumn(), standardizer,
                data.labelNames());
        return new PreparedData(data, split, pre, Samples.of(data, split.train(), standardizer),
                Samples.of(data, split.validation(), standardizer), Samples.of(data, split.test(), standardizer));
    }
}
