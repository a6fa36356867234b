package dev.plugnet.api;

/**
 * Offers a fused backward ({@link Shortcut}) for one (output activation, loss) pair, named by their plugin
 * names. The assembler asks every installed shortcut whether it {@link #covers} the network's tail and
 * installs the one that does, unless the model sets {@code "shortcuts": false}.
 */
public interface ShortcutProvider extends PluginProvider {
    /** @return the name of the activation plugin this shortcut fuses, for example {@code softmax} */
    String activation();

    /** @return the name of the loss plugin this shortcut fuses, for example {@code cross_entropy} */
    String loss();

    /**
     * @param activationOptions the output activation's options
     * @param lossOptions the loss's options
     * @return whether this shortcut is exact for the tail with these options; by default whenever the names
     *         match
     */
    default boolean covers(Options activationOptions, Options lossOptions) {
        return true;
    }

    /** @return a new shortcut */
    Shortcut create();
}
