package dev.plugnet.core.checkpoint;

import dev.plugnet.core.plugins.PluginKind;

/**
 * A plugin a checkpointed model uses, as it was installed when the checkpoint was written.
 *
 * @param kind what it is
 * @param name its name in the model
 * @param module the module that held it
 * @param version the module's version, or empty
 */
public record PluginUse(PluginKind kind, String name, String module, String version) {
    /** @return {@code layer "dense" (module dev.plugnet.layers.dense@1.0)} */
    public String describe() {
        return kind.word() + " \"" + name + "\" (module " + module + (version.isEmpty() ? "" : "@" + version) + ")";
    }
}
