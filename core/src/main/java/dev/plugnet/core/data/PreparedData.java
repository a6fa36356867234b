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
        return prepare(data, validationFraction, testFraction, seed, existing, null);
    }

    /**
     * Splits {@code data} (stratified by class; a regression's rows are one stratum) and standardises its
     * features, and a regression's targets, with statistics of the training rows, or with {@code existing} and
     * {@code existingTargets} when continuing a run.
     */
    public static PreparedData prepare(Dataset data, double validationFraction, double testFraction, long seed,
                                       Standardizer existing, Standardizer existingTargets) {
        Split split = new StratifiedSplitter(validationFraction, testFraction)
                .split(data.labels(), data.regression() ? 1 : data.labelNames().size(), seed);
        Standardizer standardizer = existing != null ? existing
                : Standardizer.fit(data.features(), split.train(), data.featureNames().size());
        Standardizer targets = !data.regression() ? null : existingTargets != null ? existingTargets
                : Standardizer.fit(data.targets(), split.train(), data.labelNames().size());
        Preprocessing pre = new Preprocessing(data.featureNames(), data.labelColumn(), standardizer,
                data.labelNames(), targets);
        return new PreparedData(data, split, pre, Samples.of(data, split.train(), standardizer, targets),
                Samples.of(data, split.validation(), standardizer, targets),
                Samples.of(data, split.test(), standardizer, targets));
    }
}
