package dev.plugnet.spark;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The {@link ScoringParams} of one stage, made in one place with their documentation and defaults, for the
 * stage's fields.
 */
record ScoringColumns(Param<String> featuresCol, StringArrayParam featureCols, Param<String> predictionCol,
                      Param<String> probabilityCol, Param<String> rawPredictionCol, Param<String> predictedLabelCol) {

    /**
     * Makes {@code stage}'s shared params, with their documentation and defaults ({@code features}, none,
     * {@code prediction}, {@code probability}, {@code rawPrediction}, {@code predictedLabel}).
     */
    static ScoringColumns define(Params stage) {
        ScoringColumns d = new ScoringColumns(
                new Param<>(stage, "featuresCol", "the features: a vector column (used when featureCols is empty)"),
                new StringArrayParam(stage, "featureCols",
                        "numeric feature columns, in the network's input order (instead of featuresCol)"),
                new Param<>(stage, "predictionCol",
                        "output: the predicted class (its number, or its index when class names are not numbers)"),
                new Param<>(stage, "probabilityCol", "output: every class's probability, a vector"),
                new Param<>(stage, "rawPredictionCol", "output: the output layer's logits, a vector"),
                new Param<>(stage, "predictedLabelCol", "output: the predicted class's name"));
        stage.setDefault(d.featuresCol(), "features");
        stage.setDefault(d.featureCols(), new String[0]);
        stage.setDefault(d.predictionCol(), "prediction");
        stage.setDefault(d.probabilityCol(), "probability");
        stage.setDefault(d.rawPredictionCol(), "rawPrediction");
        stage.setDefault(d.predictedLabelCol(), "predictedLabel");
        return d;
    }
}
