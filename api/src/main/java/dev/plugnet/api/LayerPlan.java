package dev.plugnet.api;

/**
 * What a layer will be, computed from its options alone before anything is allocated, so that the assembler
 * can chain widths and enforce size limits first (a config asking for {@code "units": 2000000000} is refused
 * before any memory is taken).
 *
 * @param outputWidth n_out
 * @param parameterCount the number of trainable values the layer will allocate
 * @param widthOption the option that sets the output width ({@code units} for {@code dense}), so that a width
 *        beyond the limits is reported at that option's JSON path; {@code null} when no single option sets it
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public record LayerPlan(int outputWidth, long parameterCount, String widthOption) {
    /** A plan whose width no single option sets. */
    public LayerPlan(int outputWidth, long parameterCount) {
        this(outputWidth, parameterCount, null);
    }
}
