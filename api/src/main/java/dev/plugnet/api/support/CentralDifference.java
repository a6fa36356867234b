package dev.plugnet.api.support;

import dev.plugnet.api.Api;

import java.util.function.DoubleSupplier;

/**
 * The central finite difference, the one implementation behind plugnet's gradient check and the testkit's
 * {@code FiniteDifferences}: each chooses its step ({@code gradcheck} a fixed {@code 1e-6}, as PyTorch's
 * gradcheck; the testkit {@code 1e-5·max(1, |x|)}), both compute the difference here.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
public final class CentralDifference {
    private CentralDifference() {
    }

    /**
     * @param values the point, changed in place while {@code f} runs and as it was when this returns
     * @param i the element to move
     * @param h the step
     * @param f the scalar function, evaluated at {@code values} with element {@code i} moved by ±h
     * @return {@code (f(x + h·e_i) − f(x − h·e_i)) / 2h}
     */
    public static double at(double[] values, int i, double h, DoubleSupplier f) {
        double saved = values[i];
        try {
            values[i] = saved + h;
            double up = f.getAsDouble();
            values[i] = saved - h;
            double down = f.getAsDouble();
            return (up - down) / (2 * h);
        } finally {
            values[i] = saved;
        }
    }
}
