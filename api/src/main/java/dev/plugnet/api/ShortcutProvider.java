package dev.plugnet.api;

/**
 * Offers a fused backward ({@link Shortcut}) for one (output activation, loss) pair, named by their plugin
 * names. The assembler asks every installed shortcut whether it {@link #covers} the network's tail and
 * installs the one that does, unless the model sets {@code "shortcuts": false}. A shortcut must then give the
 * loss and the gradient the generic path of that activation and that loss gives, with the same options.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface ShortcutProvider extends PluginProvider {
    /** @return the name of the activation plugin this shortcut fuses, for example {@code softmax} */
    String activation();

    /** @return the name of the loss plugin this shortcut fuses, for example {@code cross_entropy} */
    String loss();

    /**
     * @param context the tail's activation and loss options and the output width K
     * @return whether this shortcut is exact for the tail with these options; by default whenever the names
     *         match. A shortcut that implements only some of its loss's options (one γ, no class weights) must
     *         say no for the others, so the generic path runs.
     */
    default boolean covers(ShortcutContext context) {
        return true;
    }

    /**
     * @param context the same context {@link #covers} accepted
     * @return a new shortcut for exactly that activation and loss
     */
    Shortcut create(ShortcutContext context);

    /**
     * @param context the tail it was installed for
     * @return the formulas of the fused steps for that tail (a loss option such as class weights changes them);
     *         the default is {@link #formulas()}
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
    default Formulas formulas(ShortcutContext context) {
        return formulas();
    }
}
