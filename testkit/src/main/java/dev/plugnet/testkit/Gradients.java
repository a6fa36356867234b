package dev.plugnet.testkit;

import dev.plugnet.api.Matrix;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** The testkit's shared draws and products; the finite differences themselves are {@link FiniteDifferences}. */
final class Gradients {
    private Gradients() {
    }

    /** @return {@code Σ g ⊙ y} */
    static double dot(Matrix g, Matrix y) {
        double sum = 0;
        for (int i = 0; i < g.data().length; i++) {
            sum += g.data()[i] * y.data()[i];
        }
        return sum;
    }

    /** @return null if every element agrees, else one sentence naming the worst (see {@link FiniteDifferences}) */
    static String compare(String what, Matrix analytic, Matrix numerical, double tolerance) {
        return FiniteDifferences.compare(what, analytic, numerical, tolerance).orElse(null);
    }

    static Matrix numerical(Matrix at, ToDoubleFunction<Matrix> f) {
        return FiniteDifferences.gradient(at, f);
    }

    /** @return a (rows, cols) matrix of values of magnitude 0.1 to 2 with random signs */
    static Matrix random(SplittableRandom random, int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            double magnitude = 0.1 + 1.9 * random.nextDouble();
            m.data()[i] = random.nextBoolean() ? magnitude : -magnitude;
        }
        return m;
    }
}
