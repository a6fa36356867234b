package com.example.embedding;

import dev.plugnet.core.Evaluation;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.Prediction;
import dev.plugnet.core.Predictor;
import dev.plugnet.core.TrainedModel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Trains the 5-4-3 thyroid network on rows in memory, saves it to a stream, loads it back and predicts. */
public final class ThyroidExample {
    private static final String MODEL = """
            {"name": "thyroid-5-4-3", "inputs": 5,
             "layers": [{"type": "dense", "units": 4, "activation": "sigmoid"},
                        {"type": "dense", "units": 3, "activation": "softmax"}],
             "loss": "cross_entropy", "optimizer": {"type": "adam", "learning_rate": 0.02}, "seed": 42,
             "training": {"epochs": 300, "batch_size": 16, "validation_fraction": 0.15, "patience": 50}}""";

    public static void main(String[] args) throws IOException {
        // rows in memory: a double[][] of features and a String[] of class names (here read from a CSV)
        List<String> lines;
        try (InputStream in = ThyroidExample.class.getResourceAsStream("new-thyroid.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<String> header = List.of(lines.get(0).split(","));
        List<String> features = header.subList(0, header.size() - 1);
        double[][] x = new double[lines.size() - 1][];
        String[] y = new String[x.length];
        for (int i = 0; i < x.length; i++) {
            String[] cells = lines.get(i + 1).split(",");
            x[i] = Arrays.stream(cells, 0, features.size()).mapToDouble(Double::parseDouble).toArray();
            y[i] = cells[features.size()];
        }

        Plugnet plugnet = Plugnet.boot();                      // the plugins on the module path or class path
        TrainedModel model = plugnet.fit(plugnet.parseSpec(MODEL))
                .onEpoch(e -> {
                    if (e.epoch() % 100 == 0) {
                        System.out.printf("epoch %d: validation loss %.4f%n", e.epoch(), e.validationLoss());
                    }
                })
                .on(features, x, y);
        System.out.printf("trained %d epochs, kept epoch %d%n", model.history().size(), model.history().bestEpoch());

        ByteArrayOutputStream saved = new ByteArrayOutputStream(); // or a file, a database column, a resource …
        model.save(saved);
        TrainedModel loaded = plugnet.load(new ByteArrayInputStream(saved.toByteArray()));

        Prediction p = loaded.predict(Map.of("t3_resin_uptake", 107.0, "total_thyroxin", 10.1,
                "total_triiodothyronine", 2.2, "basal_tsh", 0.9, "tsh_response", 2.7));
        System.out.printf("predicted %s, probabilities %s%n", p.className(), p.scores());

        Predictor predictor = loaded.newPredictor();           // one per thread: allocation-free per row
        double[] probabilities = new double[loaded.classNames().size()];
        int k = predictor.predict(x[200], probabilities);
        System.out.printf("row 201: %s (%.3f), labelled %s%n", loaded.classNames().get(k), probabilities[k], y[200]);

        Evaluation e = loaded.evaluate(x, y);
        System.out.printf("accuracy on all %d rows: %.1f%%, macro F1 %.3f%n", e.rows(), 100 * e.accuracy(),
                e.macroF1());
    }
}
