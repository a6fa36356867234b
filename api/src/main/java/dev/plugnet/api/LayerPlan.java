package dev.plugnet.api;

/**
 * What a layer will be, computed from its options alone before anything is allocated, so that the assembler
 * can chain widths and enforce size limits first (a config asking for {@code "units": 2000000000} is refused
 * before any memory is taken).
 *
 * @param outputWidth n_out
 * @param parameterCount the number of trainable values the layer will allocate
 */
public record LayerPlan(int outputWidth, long parameterCount) {
}
