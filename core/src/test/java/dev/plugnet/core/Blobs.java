package dev.plugnet.core;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded in-memory data for the facade's tests: three noisy classes in five features, on unequal scales. */
record Blobs(List<String> featureNames, double[][] x, String[] y) {
    static final List<String> FEATURES = List.of("t3_resin_uptake", "total_thyroxin", "total_triiodothyronine",
            "basal_tsh", "tsh_response");
    static final List<String> CLASSES = List.of("normal", "hyper", "hypo");
    static final String SPEC = """
            {"name": "thyroid-5-4-3", "inputs": 5,
             "layers": [{"type": "dense", "units": 4, "activation": "sigmoid"},
                        {"type": "dense", "units": 3, "activation": "softmax"}],
             "loss": "cross_entropy", "optimizer": {"type": "adam", "learning_rate": 0.02}, "seed": 42,
             "training": {"epochs": 40, "batch_size": 16, "validation_fraction": 0.2, "patience": 10}}""";

    static Blobs of(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centres = {{110, 9, 1.8, 1.2, 2}, {100, 18, 4.5, 0.9, 0.5}, {120, 5, 1.2, 8, 15}};
        double[] spread = {8, 2, 0.6, 0.8, 3};
        double[][] x = new double[n][5];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            for (int j = 0; j < 5; j++) {
                x[i][j] = centres[k][j] + spread[j] * (r.nextDouble() * 2 - 1) * 1.5;
            }
            y[i] = CLASSES.get(k);
        }
        return new Blobs(FEATURES, x, y);
    }

    int[] indices() {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = CLASSES.indexOf(y[i]);
        }
        return out;
    }
}
