package dev.plugnet.core.plugins;

import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.ComputeProvider;
import dev.plugnet.api.LayerProvider;
import dev.plugnet.api.LossProvider;
import dev.plugnet.api.OptimizerProvider;
import dev.plugnet.api.PluginProvider;
import dev.plugnet.api.ShortcutProvider;

/** The kinds of plugin, each with its SPI and the word used for it in messages and listings. */
public enum PluginKind {
    LAYER("layer", LayerProvider.class),
    ACTIVATION("activation", ActivationProvider.class),
    LOSS("loss", LossProvider.class),
    OPTIMIZER("optimizer", OptimizerProvider.class),
    SHORTCUT("shortcut", ShortcutProvider.class),
    COMPUTE("compute", ComputeProvider.class);

    private final String word;
    private final Class<? extends PluginProvider> spi;

    PluginKind(String word, Class<? extends PluginProvider> spi) {
        this.word = word;
        this.spi = spi;
    }

    /** @return the kind in words, for example {@code layer} */
    public String word() {
        return word;
    }

    /** @return the provider interface of this kind */
    public Class<? extends PluginProvider> spi() {
        return spi;
    }

    /** @return the kind whose SPI {@code provider} implements */
    public static PluginKind of(PluginProvider provider) {
        for (PluginKind kind : values()) {
            if (kind.spi.isInstance(provider)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(provider.getClass() + " implements no plugnet SPI");
    }
}
