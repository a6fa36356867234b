package dev.plugnet.testkit;

import dev.plugnet.api.Matrix;

import java.util.SplittableRandom;

/** The inputs the loss and shortcut checks draw: distributions, one-hot targets, values in a range. */
final class Draws {
    private Draws() {
    }

    /** @return (rows, cols) rows that are probability distributions, each element at least {@code 0.05 / cols} */
    static Matrix distributions(SplittableRandom random, int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int k = 0; k < cols; k++) {
                double v = 0.05 + random.nextDouble();
                m.set(r, k, v);
                sum += v;
            }
            for (int k = 0; k < cols; k++) {
                m.set(r, k, m.get(r, k) / sum);
            }
        }
        return m;
    }

    /** @return (rows, cols) one-hot rows */
    static Matrix oneHot(SplittableRandom random, int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            m.set(r, random.nextInt(cols), 1.0);
        }
        return m;
    }

    /** @return a matrix filled with {@code value}, to see whether a gradient is overwritten or added to */
    static Matrix filled(int rows, int cols, double value) {
        Matrix m = Matrix.zeros(rows, cols);
        java.util.Arrays.fill(m.data(), value);
        return m;
    }
}
