package dev.plugnet.core.compute;

import dev.plugnet.api.ComputeBackend;
import dev.plugnet.api.Matrix;

import java.util.List;

/**
 * {@code auto}: each product runs on the backend that declared itself fastest for its size
 * ({@code ComputeProvider.autoFrom}), that is the backend with the largest threshold not above the product's
 * multiply-adds. The choice depends on the shapes alone, so a run is as reproducible as on one backend.
 */
final class AutoBackend implements ComputeBackend {
    static final String NAME = "auto";

    private final ComputeBackend[] backends;
    private final long[] from;

    /** @param tiers the opened backends with their thresholds, in increasing order; the first from 0 */
    AutoBackend(List<Tier> tiers) {
        if (tiers.isEmpty() || tiers.get(0).from() != 0) {
            throw new IllegalArgumentException("auto needs a backend for every size, got " + tiers);
        }
        this.backends = tiers.stream().map(Tier::backend).toArray(ComputeBackend[]::new);
        this.from = tiers.stream().mapToLong(Tier::from).toArray();
    }

    /** One backend and the multiply-adds from which it runs. */
    record Tier(long from, ComputeBackend backend) {
    }

    @Override
    public void multiply(Matrix a, boolean transposeA, Matrix b, boolean transposeB, Matrix c, boolean accumulate) {
        int k = transposeA ? a.rows() : a.cols();
        backendFor((long) c.rows() * c.cols() * k).multiply(a, transposeA, b, transposeB, c, accumulate);
    }

    /** @return the backend a product of {@code multiplyAdds} runs on */
    ComputeBackend backendFor(long multiplyAdds) {
        int chosen = 0;
        for (int i = 1; i < from.length; i++) {
            if (multiplyAdds >= from[i]) {
                chosen = i;
            }
        }
        return backends[chosen];
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int threads() {
        int t = 1;
        for (ComputeBackend b : backends) {
            t = Math.max(t, b.threads());
        }
        return t;
    }

    @Override
    public String describe() {
        if (backends.length == 1) {
            return backends[0].name() + " for every product: " + backends[0].describe();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < backends.length; i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(backends[i].name());
            if (i + 1 < backends.length) {
                sb.append(i == 0 ? " below " : " from " + from[i] + " to ").append(from[i + 1]);
            } else {
                sb.append(" from ").append(from[i]);
            }
        }
        return sb.append(" multiply-adds").toString();
    }

    @Override
    public void close() {
        for (ComputeBackend b : backends) {
            b.close();
        }
    }

    @Override
    public String toString() {
        return "auto (" + describe() + ")";
    }
}
