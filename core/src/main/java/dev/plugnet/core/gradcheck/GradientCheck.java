package dev.plugnet.core.gradcheck;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.support.CentralDifference;
import dev.plugnet.core.network.NamedParameter;
import dev.plugnet.core.network.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks a network's backward pass against central finite differences, on every element of every parameter,
 * whatever plugins the network is made of: for each element {@code w},
 * {@code n = (L(w + h) − L(w − h)) / 2h} is compared with the analytic {@code a = dL/dw} of one backward pass.
 *
 * <p>Thresholds, in double precision, follow Deeplearning4j's {@code GradientCheckUtil} (step {@code h =
 * 1e-6}, relative error {@code |a − n| / (|a| + |n|)} at most {@code 1e-3}, elements whose absolute error is
 * below {@code 1e-8} pass whatever their relative error); PyTorch's {@code torch.autograd.gradcheck} uses the
 * same step ({@code eps = 1e-6}) and relative tolerance ({@code rtol = 1e-3}).
 *
 * <p>The batch is small and seeded: inputs uniform in [−1, 1], one-hot targets of random classes. Every pass
 * runs in inference mode, so that a layer with randomness in training (dropout) computes the same function on
 * every evaluation, as one runs PyTorch's gradcheck on a model in {@code eval()} mode; a layer's training-mode
 * derivative is what the testkit's {@code LayerCheck} checks, with a fixed seed.
 */
public final class GradientCheck {
    /** The finite-difference step h. */
    public static final double STEP = 1e-6;
    /** The largest relative error that passes. */
    public static final double MAX_RELATIVE_ERROR = 1e-3;
    /** An absolute error below this passes whatever its relative error (both derivatives are ~0). */
    public static final double MIN_ABSOLUTE_ERROR = 1e-8;

    private final int rows;
    private final long seed;

    /**
     * @param rows rows in the seeded batch
     * @param seed the batch's seed
     */
    public GradientCheck(int rows, long seed) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be positive");
        }
        this.rows = rows;
        this.seed = seed;
    }

    /** @return one check per parameter, in the network's order; the parameters are left as they were */
    public List<ParameterCheck> run(Network network) {
        return run(network, Progress.NONE);
    }

    /** Hears how far a check has got: one call per element checked. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done elements checked so far, over all parameters
         * @param total elements to check
         */
        void checked(long done, long total);

        /** Hears nothing. */
        Progress NONE = (done, total) -> { };
    }

    /**
     * The work a check takes, known before it starts: two forward passes per parameter element plus one forward
     * and backward pass, each of about {@code rows × parameters} multiply-adds for dense layers.
     *
     * @return the forward passes for a network of {@code parameters} trainable values
     */
    public static long forwardPasses(long parameters) {
        return 2 * parameters + 1;
    }

    /** @return about how many multiply-adds the check of {@code parameters} values on {@code rows} rows takes */
    public static double multiplyAdds(long parameters, int rows) {
        return (double) forwardPasses(parameters) * rows * parameters;
    }

    /** @return one check per parameter on the batch {@code (x, t)}; the parameters are left as they were */
    public List<ParameterCheck> run(Network network, Matrix x, Matrix t) {
        return run(network, x, t, Progress.NONE);
    }

    /** @return one check per parameter on the seeded batch, telling {@code progress} after each element */
    public List<ParameterCheck> run(Network network, Progress progress) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(rows, network.inputs());
        double[] xd = x.data();
        for (int i = 0; i < xd.length; i++) {
            xd[i] = random.nextDouble(-1.0, 1.0);
        }
        Matrix t = Matrix.zeros(rows, network.outputs());
        for (int i = 0; i < rows; i++) {
            t.set(i, random.nextInt(network.outputs()), 1.0);
        }
        return run(network, x, t, progress);
    }

    /** @return one check per parameter on {@code (x, t)}, telling {@code progress} after each element */
    public List<ParameterCheck> run(Network network, Matrix x, Matrix t, Progress progress) {
        long total = network.parameterCount();
        long done = 0;
        network.forward(x, false);
        network.loss(t);
        network.backward(t);
        List<Matrix> analytic = new ArrayList<>();
        for (NamedParameter p : network.namedParameters()) {
            analytic.add(p.parameter().gradient().copy());
        }
        List<ParameterCheck> out = new ArrayList<>();
        List<NamedParameter> params = network.namedParameters();
        for (int k = 0; k < params.size(); k++) {
            NamedParameter p = params.get(k);
            double[] w = p.parameter().value().data();
            double[] a = analytic.get(k).data();
            double worst = -1;
            int worstAt = 0;
            int failures = 0;
            double worstNumeric = Double.NaN;
            for (int i = 0; i < w.length; i++) {
                double numeric = CentralDifference.at(w, i, STEP, () -> loss(network, x, t));
                double absolute = Math.abs(a[i] - numeric);
                double scale = Math.abs(a[i]) + Math.abs(numeric);
                double relative = absolute == 0 ? 0 : absolute / scale;
                if (!Double.isFinite(numeric) || !Double.isFinite(a[i])) {
                    relative = Double.POSITIVE_INFINITY;
                }
                if (relative > MAX_RELATIVE_ERROR && !(absolute < MIN_ABSOLUTE_ERROR)) {
                    failures++;
                }
                if (relative > worst) {
                    worst = relative;
                    worstAt = i;
                    worstNumeric = numeric;
                }
                progress.checked(++done, total);
            }
            out.add(new ParameterCheck(p.path(), p.parameter().value().shape(), w.length, Math.max(worst, 0), worstAt,
                    a.length == 0 ? Double.NaN : a[worstAt], worstNumeric, failures));
        }
        return out;
    }

    private static double loss(Network network, Matrix x, Matrix t) {
        network.forward(x, false);
        return network.loss(t);
    }
}
