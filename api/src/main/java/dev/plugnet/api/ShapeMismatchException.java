package dev.plugnet.api;

/**
 * Two matrices whose shapes do not fit the operation asked of them. The message names the operation and both
 * shapes, for example {@code A·B: (4×3) cannot multiply (5×4)}.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public class ShapeMismatchException extends PlugnetException {
    private static final long serialVersionUID = 1L;

    /**
     * @param operation the operation, for example {@code A·B}
     * @param problem the shapes and why they do not fit
     */
    public ShapeMismatchException(String operation, String problem) {
        super(operation, problem);
    }
}
