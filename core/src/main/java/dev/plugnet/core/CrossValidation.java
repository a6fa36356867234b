package dev.plugnet.core;

import dev.plugnet.api.ConfigException;
import dev.plugnet.core.data.Dataset;
import dev.plugnet.core.data.StratifiedFolds;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.train.TrainingListener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * k-fold cross-validation, the use case behind {@code plugnet cv}: the rows are dealt into K folds
 * ({@link StratifiedFolds}, seeded by the model's seed; stratified by class for a classifier, plain shuffled folds
 * for a regression); for each fold a fresh model is trained by
 * {@link TrainingRun} on the other K − 1 folds (which give their own validation rows for early stopping, by the
 * model's validation fraction) and evaluated on the fold it did not see. Each fold's figures, and their mean and
 * standard deviation over the folds, are the result.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /**
     * One fold's figures.
     *
     * @param fold from 1
     * @param trainRows rows trained on (validation rows included)
     * @param testRows rows of the fold, evaluated
     * @param bestEpoch the epoch whose weights were kept
     * @param metrics name to value: for a classifier {@code accuracy}, {@code macro_f1}, {@code balanced_accuracy},
     *        {@code loss} (and {@code roc_auc} for two classes); for a regression {@code mae}, {@code rmse},
     *        {@code r2}, {@code loss}
     */
    public record Fold(int fold, int trainRows, int testRows, int bestEpoch, Map<String, Double> metrics) {
    }

    /**
     * The mean and the sample standard deviation (n − 1, as pandas and R give it) of one metric over the folds.
     *
     * @param name the metric
     * @param mean its mean
     * @param std its standard deviation
     */
    public record Summary(String name, double mean, double std) {
    }

    /**
     * @param folds every fold's figures, in order
     * @param summaries each metric's mean ± std, in the order of the folds' metrics
     */
    public record Result(List<Fold> folds, List<Summary> summaries) {
    }

    /**
     * @param k the number of folds, from 2 to the number of rows
     * @param listener hears each fold's training, or {@link TrainingListener#NONE}
     * @param foldDone hears each fold as it finishes, or {@code null}
     * @throws ConfigException if {@code k} is out of range
     */
    public static Result run(Plugnet plugnet, ModelSpec spec, Dataset data, String dataWhere, int k,
                             TrainingListener listener, java.util.function.Consumer<Fold> foldDone) {
        return run(plugnet, TrainingRequest.of(spec, data).withDataWhere(dataWhere).withListener(listener), k,
                foldDone);
    }

    /**
     * Cross-validates as {@code folds} says: its spec (with the training settings of every fold: epochs, batch
     * size, patience, monitor, optimizer, seed, validation fraction, class weights…), its data (every row, dealt
     * into folds), where the data's columns are named, its listener, compute and cancellation (a cancelled fold
     * ends the cross-validation: the result holds the folds that finished before it). Its validation,
     * test, resume and checkpoint settings are not used: each fold trains afresh, validates on rows split off its
     * training folds and is tested on its own fold, and no checkpoint is written.
     *
     * @param k the number of folds, from 2 to the number of rows
     * @param foldDone hears each fold as it finishes, or {@code null}
     * @throws ConfigException if {@code k} is out of range
     */
    public static Result run(Plugnet plugnet, TrainingRequest folds, int k,
                             java.util.function.Consumer<Fold> foldDone) {
        ModelSpec spec = folds.spec();
        Dataset data = folds.data();
        if (k < 2 || k > data.size()) {
            throw new ConfigException("--folds", "expected from 2 to " + data.size() + " (the rows), got " + k);
        }
        TrainingRequest each = new TrainingRequest(spec, data, folds.dataWhere(), null, null, true, null, null,
                null, null, null, 0, folds.compute(), folds.listener(), folds.cancelled());
        int strata = data.regression() ? 1 : data.labelNames().size();
        List<int[]> parts = StratifiedFolds.of(data.labels(), strata, k, spec.seed());
        List<Fold> results = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int[] held = parts.get(f);
            List<Integer> rest = new ArrayList<>();
            for (int g = 0; g < k; g++) {
                if (g != f) {
                    for (int r : parts.get(g)) {
                        rest.add(r);
                    }
                }
            }
            int[] trainRows = rest.stream().mapToInt(Integer::intValue).sorted().toArray();
            Dataset train = StratifiedFolds.subset(data, trainRows, data.source());
            Dataset test = StratifiedFolds.subset(data, held, data.source() + " fold " + (f + 1));
            TrainingOutcome outcome = TrainingRun.prepare(plugnet, each.withData(train).withTest(test)).run();
            if (outcome.cancelled()) {
                break;
            }
            Evaluation e = outcome.test();
            Map<String, Double> m = new LinkedHashMap<>();
            if (e.isRegression()) {
                m.put("mae", e.regression().metrics().mae());
                m.put("rmse", e.regression().metrics().rmse());
                m.put("r2", e.regression().metrics().r2());
            } else {
                m.put("accuracy", e.accuracy());
                m.put("macro_f1", e.macroF1());
                m.put("balanced_accuracy", e.balancedAccuracy());
                if (e.ranking() != null) {
                    m.put("roc_auc", e.ranking().rocAuc());
                }
            }
            m.put("loss", e.loss());
            Fold fold = new Fold(f + 1, trainRows.length, held.length, outcome.history().bestEpoch(), m);
            results.add(fold);
            if (foldDone != null) {
                foldDone.accept(fold);
            }
        }
        List<Summary> summaries = new ArrayList<>();
        int n = results.size();
        for (String name : n == 0 ? List.<String>of() : results.get(0).metrics().keySet()) {
            double sum = 0;
            for (Fold fold : results) {
                sum += fold.metrics().get(name);
            }
            double mean = sum / n;
            double squares = 0;
            for (Fold fold : results) {
                double d = fold.metrics().get(name) - mean;
                squares += d * d;
            }
            summaries.add(new Summary(name, mean, n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1))));
        }
        return new Result(results, summaries);
    }
}
