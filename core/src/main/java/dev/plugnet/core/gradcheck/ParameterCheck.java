package dev.plugnet.core.gradcheck;

/**
 * The gradient check of one parameter: the element whose analytic and numeric derivatives differ most.
 *
 * @param path the parameter's path, for example {@code layers[0].W}
 * @param shape its shape, for example {@code (5×4)}
 * @param elements how many elements were checked
 * @param worstRelativeError the largest relative error {@code |a − n| / (|a| + |n|)} over the elements
 * @param worstElement the row-major index of that element
 * @param analytic the backward pass's derivative there
 * @param numeric the central difference there
 * @param failures how many elements exceed {@link GradientCheck#MAX_RELATIVE_ERROR} with an absolute error of
 *        at least {@link GradientCheck#MIN_ABSOLUTE_ERROR}
 */
public record ParameterCheck(String path, String shape, int elements, double worstRelativeError,
                             int worstElement, double analytic, double numeric, int failures) {
    /** @return whether every element is within the tolerance */
    public boolean passed() {
        return failures == 0;
    }
}
