package dev.plugnet.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One trained model shared by four threads gives every thread exactly the probabilities a single thread gets:
 * 4 × 300,000 predictions, compared bit for bit.
 */
class SharedModelThreadsTest {
    private static final int THREADS = 4;
    private static final int PREDICTIONS = 300_000;

    @Test
    void fourThreadsOnOneModelGetTheSingleThreadedProbabilitiesExactly() throws Exception {
        Plugnet plugnet = Plugnet.boot();
        Blobs data = Blobs.of(300, 21);
        TrainedModel model = plugnet.fit(plugnet.parseSpec(Blobs.SPEC)).epochs(20)
                .on(data.featureNames(), data.x(), data.y());
        Blobs rows = Blobs.of(1000, 22);
        double[][] expected = new double[rows.x().length][];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = model.predict(rows.x()[i]).probabilities();
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * 250;
                Callable<Integer> work = () -> {
                    int differ = 0;
                    for (int n = 0; n < PREDICTIONS; n++) {
                        int i = (offset + n) % expected.length;
                        double[] p = n % 3 == 0 ? model.predict(rows.x()[i]).probabilities()
                                : n % 3 == 1 ? model.predictProbabilities(new double[][] {rows.x()[i]})[0]
                                : model.predict(byName(rows, i)).probabilities();
                        if (!java.util.Arrays.equals(expected[i], p)) {
                            differ++;
                        }
                    }
                    return differ;
                };
                results.add(pool.submit(work));
            }
            int differ = 0;
            for (Future<Integer> f : results) {
                differ += f.get();
            }
            assertEquals(0, differ, "predictions that differ from the single-threaded ones, of "
                    + THREADS * PREDICTIONS);
        } finally {
            pool.shutdownNow();
        }
    }

    private static java.util.Map<String, Double> byName(Blobs rows, int i) {
        java.util.Map<String, Double> m = new java.util.HashMap<>();
        for (int j = 0; j < rows.featureNames().size(); j++) {
            m.put(rows.featureNames().get(j), rows.x()[i][j]);
        }
        return m;
    }

    @Test
    void perThreadPredictorsAgreeWithTheModelBitForBit() throws Exception {
        Plugnet plugnet = Plugnet.boot();
        Blobs data = Blobs.of(300, 23);
        TrainedModel model = plugnet.fit(plugnet.parseSpec(Blobs.SPEC)).epochs(20)
                .on(data.featureNames(), data.x(), data.y());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(() -> {
                    Predictor predictor = model.newPredictor();
                    double[] p = new double[3];
                    int differ = 0;
                    for (int n = 0; n < 50_000; n++) {
                        double[] row = data.x()[n % 300];
                        int k = predictor.predict(row, p);
                        Prediction expected = model.predict(row);
                        if (k != expected.classIndex() || !java.util.Arrays.equals(p, expected.probabilities())) {
                            differ++;
                        }
                    }
                    return differ;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(0, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
