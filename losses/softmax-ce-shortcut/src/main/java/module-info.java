/**
 * The {@code softmax_cross_entropy} shortcut: the fused backward of a softmax output with a cross-entropy loss,
 * replacing SPEC.md steps 1 and 2 together.
 */
module dev.plugnet.losses.shortcut {
    requires dev.plugnet.api;

    provides dev.plugnet.api.ShortcutProvider with dev.plugnet.losses.shortcut.SoftmaxCrossEntropyShortcutProvider;
}
