package dev.plugnet.spark;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.data.Standardizer;

import java.io.Serializable;
import java.util.List;

/**
 * What an executor needs to score rows, broadcast once per model: the network's config, its weights, the
 * standardisation and the classes. Each thread that scores gets its own {@link Predictor}, made on first use and
 * kept for the thread's later tasks.
 */
final class ScoringModel implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String modelJson;
    private final double[] weights;
    private final double[] means;
    private final double[] scales;
    private final String[] classes;
    private final double[] predictionValues;
    private transient volatile ThreadLocal<Predictor> predictors;

    ScoringModel(String modelJson, double[] weights, Standardizer standardizer, List<String> classes) {
        this.modelJson = modelJson;
        this.weights = weights.clone();
        this.means = standardizer.means();
        this.scales = standardizer.scales();
        this.classes = classes.toArray(new String[0]);
        this.predictionValues = ClassNames.predictionValues(classes);
    }

    /** @return this thread's predictor */
    Predictor predictor() {
        ThreadLocal<Predictor> local = predictors;
        if (local == null) {
            synchronized (this) {
                local = predictors;
                if (local == null) {
                    local = ThreadLocal.withInitial(this::newPredictor);
                    predictors = local;
                }
            }
        }
        return local.get();
    }

    private Predictor newPredictor() {
        Plugnet plugnet = SparkPlugins.boot();
        NetworkAdapter network = new NetworkAdapter(SparkPlugins.assemble(plugnet, modelJson, "the model"));
        network.weights(weights);
        return new Predictor(network, new Standardizer(means, scales), classes, predictionValues);
    }
}
