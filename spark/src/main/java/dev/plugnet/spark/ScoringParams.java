package dev.plugnet.spark;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The params that {@link PlugnetClassifier} and {@link PlugnetClassificationModel} share, the features and the
 * scoring columns, with their getters and setters once, as Spark's own shared params ({@code HasFeaturesCol},
 * {@code HasPredictionCol} …) share them between an estimator and its model. A Java interface cannot hold the
 * {@code Param} objects (Spark finds a stage's params through its public methods that return one, and each param
 * belongs to its stage), so each class keeps them in fields, made in one place for both, and returns them from
 * the accessors below; everything else is here.
 *
 * @param <S> the stage itself, which the setters return
 */
public interface ScoringParams<S extends ScoringParams<S>> extends Params {
    /** @return the features: a vector column, used when {@link #featureCols()} is empty */
    Param<String> featuresCol();

    /** @return numeric feature columns, in the network's input order (instead of {@link #featuresCol()}) */
    StringArrayParam featureCols();

    /** @return output: the predicted class (its number, or its index when class names are not numbers) */
    Param<String> predictionCol();

    /** @return output: every class's probability, a vector */
    Param<String> probabilityCol();

    /** @return output: the output layer's logits, a vector */
    Param<String> rawPredictionCol();

    /** @return output: the predicted class's name */
    Param<String> predictedLabelCol();

    default String getFeaturesCol() {
        return getOrDefault(featuresCol());
    }

    default String[] getFeatureCols() {
        return getOrDefault(featureCols());
    }

    default String getPredictionCol() {
        return getOrDefault(predictionCol());
    }

    default String getProbabilityCol() {
        return getOrDefault(probabilityCol());
    }

    default String getRawPredictionCol() {
        return getOrDefault(rawPredictionCol());
    }

    default String getPredictedLabelCol() {
        return getOrDefault(predictedLabelCol());
    }

    default S setFeaturesCol(String value) {
        set(featuresCol(), value);
        return self();
    }

    default S setFeatureCols(String... value) {
        set(featureCols(), value);
        return self();
    }

    /** @param value the column's name; empty leaves the column out */
    default S setPredictionCol(String value) {
        set(predictionCol(), value);
        return self();
    }

    /** @param value the column's name; empty leaves the column out */
    default S setProbabilityCol(String value) {
        set(probabilityCol(), value);
        return self();
    }

    /** @param value the column's name; empty leaves the column out */
    default S setRawPredictionCol(String value) {
        set(rawPredictionCol(), value);
        return self();
    }

    /** @param value the column's name; empty leaves the column out */
    default S setPredictedLabelCol(String value) {
        set(predictedLabelCol(), value);
        return self();
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
