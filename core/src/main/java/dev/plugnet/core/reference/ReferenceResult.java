package dev.plugnet.core.reference;

/**
 * The outcome of one reference case on one backward path.
 *
 * @param caseName the case
 * @param path {@code shortcut} or {@code generic}
 * @param ran whether the path ran; {@code false} when it does not apply (see {@code note})
 * @param worstError the worst relative error over every compared array
 * @param worstArray the array with the worst error, for example {@code dL_dW[0]}
 * @param note why a path did not run, or what ran instead; empty otherwise
 */
public record ReferenceResult(String caseName, String path, boolean ran, double worstError, String worstArray,
                             String note) {
    /** The tolerance of SPEC.md's reference cases. */
    public static final double TOLERANCE = 1e-9;

    /** @return whether the path ran within {@link #TOLERANCE}, or did not apply */
    public boolean passed() {
        return !ran || worstError <= TOLERANCE;
    }
}
