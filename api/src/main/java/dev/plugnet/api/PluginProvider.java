package dev.plugnet.api;

import java.util.List;

/**
 * What every plugin provider has in common: a short name by which JSON refers to it, a description for
 * listings, and the options it accepts. Providers are found with {@link java.util.ServiceLoader}: a plugin
 * module declares {@code provides dev.plugnet.api.LayerProvider with my.Provider;} (or another kind) and
 * ships the matching {@code META-INF/services} entry.
 *
 * <p>A provider must have a public no-argument constructor (or a public static {@code provider()} method),
 * must be stateless and thread-safe, and must not do work when constructed: the registry instantiates every
 * provider to read its name.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface PluginProvider {
    /**
     * @return the plugin's name: lower case letters, digits and underscores, starting with a letter
     *         ({@code dense}, {@code softmax_cross_entropy}); unique within its kind
     */
    String name();

    /** @return one sentence saying what the plugin does */
    String description();

    /**
     * @return the options the plugin accepts, in the order they are listed; the default is none. The
     *         {@link Options} given to {@code create} were checked against exactly these.
     */
    default List<OptionSpec> options() {
        return List.of();
    }

    /**
     * @return the formulas this plugin computes, for {@code explain}; the default is none, and {@code explain}
     *         then describes the plugin's steps neutrally
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
    default Formulas formulas() {
        return Formulas.none();
    }

    /**
     * @param options the step's checked options (for a shortcut, see
     *        {@link ShortcutProvider#formulas(ShortcutContext)})
     * @return the formulas for these options — a plugin whose formula depends on an option (class weights, a
     *         slope) overrides this; the default is {@link #formulas()}
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
    default Formulas formulas(Options options) {
        return formulas();
    }
}
