package dev.plugnet.testkit;

import dev.plugnet.api.ComputeBackend;
import dev.plugnet.api.ComputeContext;
import dev.plugnet.api.ComputeProvider;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.MatrixProducts;
import dev.plugnet.api.ShapeMismatchException;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Checks a {@link ComputeProvider} the way plugnet relies on it, for each thread count asked for:
 * <ol>
 * <li><b>products</b>: every form of {@code C = op(A)·op(B) (+ C)} (both transposes, overwrite and accumulate)
 *     at shapes on both sides of the usual thresholds (small, packed, split across threads, odd tails)
 *     against {@link MatrixProducts#plain()}, to a relative error of 1e-12 of the sum of absolute terms;</li>
 * <li><b>reproducibility</b>: the same product twice on one backend, and once on a second backend opened with
 *     the same thread count, is bit-identical;</li>
 * <li><b>shapes</b>: a mismatch is refused with {@link ShapeMismatchException} and leaves the output alone;</li>
 * <li><b>identity</b>: the backend's name is the provider's, and it uses no more threads than it was given.</li>
 * </ol>
 *
 * <pre>{@code
 * ComputeCheck.of(new MyBlasProvider()).threads(1, 2).verify();
 * }</pre>
 *
 * A provider whose {@link ComputeProvider#open} throws is a failed check (test it only where it loads).
 */
public final class ComputeCheck {
    /** m, k, n: tiny, packed, parallel, odd tails, a W3-sized layer. */
    private static final int[][] SHAPES = {{16, 5, 4}, {3, 1, 2}, {32, 64, 32}, {7, 13, 9}, {128, 784, 40},
        {129, 67, 255}, {3, 1000, 17}, {130, 9, 8}, {128, 256, 10}, {64, 784, 256}};

    private final ComputeProvider provider;
    private int[] threads = {1, 2};

    private ComputeCheck(ComputeProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** @return a check of {@code provider} at 1 and 2 threads */
    public static ComputeCheck of(ComputeProvider provider) {
        return new ComputeCheck(provider);
    }

    /** @return this check, run at each of {@code counts} threads */
    public ComputeCheck threads(int... counts) {
        this.threads = counts.clone();
        return this;
    }

    /** @throws AssertionError listing every problem found */
    public void verify() {
        run().verify();
    }

    /** @return the problems found, one sentence each; empty when the provider passes */
    public List<String> problems() {
        return run().all();
    }

    private Findings run() {
        Findings findings = Findings.about("compute", provider);
        for (int t : threads) {
            try (ComputeBackend first = provider.open(new ComputeContext(t));
                 ComputeBackend second = provider.open(new ComputeContext(t))) {
                identity(first, t, findings);
                products(first, second, t, findings);
                shapes(first, findings);
            } catch (RuntimeException e) {
                findings.add("at " + t + " threads: " + e);
            }
        }
        return findings;
    }

    private void identity(ComputeBackend backend, int t, Findings findings) {
        if (!provider.name().equals(backend.name())) {
            findings.add("the backend is named \"" + backend.name() + "\", its provider \"" + provider.name() + "\"");
        }
        if (backend.threads() < 1 || backend.threads() > t) {
            findings.add("opened with " + t + " threads, the backend says it uses " + backend.threads());
        }
    }

    private void products(ComputeBackend backend, ComputeBackend again, int t, Findings findings) {
        SplittableRandom random = new SplittableRandom(7);
        for (int[] s : SHAPES) {
            for (int form = 0; form < 8; form++) {
                boolean ta = (form & 1) != 0;
                boolean tb = (form & 2) != 0;
                boolean accumulate = (form & 4) != 0;
                int m = s[0];
                int k = s[1];
                int n = s[2];
                Matrix a = ta ? random(k, m, random) : random(m, k, random);
                Matrix b = tb ? random(n, k, random) : random(k, n, random);
                Matrix start = random(m, n, random);
                Matrix expected = start.copy();
                MatrixProducts.plain().multiply(a, ta, b, tb, expected, accumulate);
                Matrix bound = Matrix.zeros(m, n);
                MatrixProducts.plain().multiply(abs(a), ta, abs(b), tb, bound, false);
                String what = (ta ? "Aᵀ" : "A") + "·" + (tb ? "Bᵀ" : "B") + (accumulate ? " + C" : "") + " at ("
                        + m + "×" + k + ")·(" + k + "×" + n + "), " + t + " threads";
                Matrix actual = start.copy();
                backend.multiply(a, ta, b, tb, actual, accumulate);
                double[] e = expected.data();
                double[] x = actual.data();
                for (int i = 0; i < e.length; i++) {
                    double allowed = 1e-12 * (bound.data()[i] + (accumulate ? Math.abs(start.data()[i]) : 0) + 1e-300);
                    if (!(Math.abs(e[i] - x[i]) <= allowed)) {
                        findings.add(what + ": element " + i + " is " + x[i] + ", expected " + e[i]);
                        break;
                    }
                }
                Matrix twice = start.copy();
                backend.multiply(a, ta, b, tb, twice, accumulate);
                Matrix other = start.copy();
                again.multiply(a, ta, b, tb, other, accumulate);
                if (!Arrays.equals(actual.data(), twice.data())) {
                    findings.add(what + ": the same product twice differs");
                } else if (!Arrays.equals(actual.data(), other.data())) {
                    findings.add(what + ": a second backend with the same threads gives different bits");
                }
            }
        }
    }

    private void shapes(ComputeBackend backend, Findings findings) {
        Matrix out = Matrix.zeros(4, 6).fill(3);
        try {
            backend.multiply(Matrix.zeros(4, 5), false, Matrix.zeros(4, 6), false, out, false);
            findings.add("(4×5)·(4×6) was not refused with ShapeMismatchException");
        } catch (ShapeMismatchException expected) {
            if (out.maxAbs() != 3 || out.data()[0] != 3) {
                findings.add("a refused product wrote into its output");
            }
        } catch (RuntimeException e) {
            findings.add("(4×5)·(4×6) threw " + e + ", expected ShapeMismatchException");
        }
    }

    private static Matrix random(int rows, int cols, SplittableRandom r) {
        Matrix m = Matrix.zeros(rows, cols);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble(-1, 1);
        }
        return m;
    }

    private static Matrix abs(Matrix m) {
        return m.copy().mapInto(Math::abs, m.copy());
    }
}
