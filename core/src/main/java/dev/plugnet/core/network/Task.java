package dev.plugnet.core.network;

import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.LossProvider;
import dev.plugnet.core.model.ComponentSpec;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;

/**
 * What a model learns, as its loss and output imply: a <b>classifier</b> when its loss needs class
 * probabilities ({@code cross_entropy}) or its output activation gives them ({@code softmax}); otherwise a
 * <b>regression</b> (for example {@code mse}, {@code mae} or {@code huber} on a linear output), whose outputs are
 * numeric targets.
 */
public enum Task {
    /** Outputs are class probabilities; the label column holds class names. */
    CLASSIFICATION,
    /** Outputs are numbers; the label columns hold numeric targets. */
    REGRESSION;

    /** @return the task {@code model} implies with the installed plugins (unknown names count as no evidence) */
    public static Task of(ModelSpec model, PluginRegistry registry) {
        LossProvider loss = registry.providers(PluginKind.LOSS, LossProvider.class).get(model.loss().type());
        if (loss != null && loss.needsDistribution()) {
            return CLASSIFICATION;
        }
        ComponentSpec last = model.layers().get(model.layers().size() - 1).activation();
        if (last != null) {
            ActivationProvider activation = registry.providers(PluginKind.ACTIVATION, ActivationProvider.class)
                    .get(last.type());
            if (activation != null && activation.outputsDistribution()) {
                return CLASSIFICATION;
            }
        }
        return REGRESSION;
    }

    /** @return {@code classification} or {@code regression}, as the summary and JSON say it */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
