package dev.plugnet.core.network;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ActivationContext;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Layer;
import dev.plugnet.api.LayerContext;
import dev.plugnet.api.LayerPlan;
import dev.plugnet.api.LayerProvider;
import dev.plugnet.api.LossContext;
import dev.plugnet.api.LossProvider;
import dev.plugnet.api.MatrixProducts;
import dev.plugnet.api.Optimizer;
import dev.plugnet.api.OptimizerContext;
import dev.plugnet.api.OptimizerProvider;
import dev.plugnet.api.Options;
import dev.plugnet.api.PluginProvider;
import dev.plugnet.api.Shortcut;
import dev.plugnet.api.ShortcutContext;
import dev.plugnet.api.ShortcutProvider;
import dev.plugnet.core.compute.ComputeBackends;
import dev.plugnet.api.Loss;
import dev.plugnet.core.model.ComponentSpec;
import dev.plugnet.core.plugins.PluginFailedException;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginLabel;
import dev.plugnet.core.plugins.PluginRegistry;
import dev.plugnet.core.model.LayerSpec;
import dev.plugnet.core.model.ModelLimits;
import dev.plugnet.core.model.ModelSpec;
import com.google.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds an {@link AssembledModel} from a {@link ModelSpec} with the installed plugins, which Guice supplies
 * by name. It resolves each name against the plugins (an unknown one lists the installed names), checks every
 * plugin's options, chains the widths, checks that the loss fits the output, and installs a shortcut when one
 * covers the tail (output activation + loss), unless the model switches shortcuts off.
 */
public final class ModelAssembler {
    private final Map<String, LayerProvider> layers;
    private final Map<String, ActivationProvider> activations;
    private final Map<String, LossProvider> losses;
    private final Map<String, OptimizerProvider> optimizers;
    private final Set<ShortcutProvider> shortcuts;
    private final ModelLimits limits;
    private final ComputeBackends computeBackends;
    private final PluginRegistry registry;

    @Inject
    public ModelAssembler(Map<String, LayerProvider> layers, Map<String, ActivationProvider> activations,
                          Map<String, LossProvider> losses, Map<String, OptimizerProvider> optimizers,
                          Set<ShortcutProvider> shortcuts, ModelLimits limits, ComputeBackends computeBackends,
                          PluginRegistry registry) {
        this.registry = registry;
        this.limits = limits;
        this.computeBackends = computeBackends;
        this.layers = layers;
        this.activations = activations;
        this.losses = losses;
        this.optimizers = optimizers;
        this.shortcuts = shortcuts;
    }

    /**
     * @throws ConfigException naming the JSON path of the first problem
     */
    public AssembledModel assemble(ModelSpec spec) {
        return assemble(spec, defaultProducts(spec));
    }

    /**
     * Assembles a model whose layers run their products on {@code products} (for example a backend opened with
     * a chosen thread count) instead of the process-wide one.
     *
     * @throws ConfigException naming the JSON path of the first problem
     */
    public AssembledModel assemble(ModelSpec spec, MatrixProducts products) {
        Network network = network(spec, products);
        Optimizer optimizer = optimizer(spec, network);
        return new AssembledModel(spec, network, optimizer);
    }

    /** Builds the network alone (no optimizer). */
    public Network network(ModelSpec spec) {
        return network(spec, defaultProducts(spec));
    }

    /**
     * @return the process-wide backend (one thread per processor) of the run's compute choice for this model
     */
    public MatrixProducts products(ModelSpec spec) {
        return defaultProducts(spec);
    }

    private MatrixProducts defaultProducts(ModelSpec spec) {
        return computeBackends.shared(computeBackends.choice(spec.training().compute()));
    }

    /** Builds the network alone (no optimizer), its products running on {@code products}. */
    public Network network(ModelSpec spec, MatrixProducts products) {
        return build(spec, products, false);
    }

    /**
     * Builds the network for prediction: its forward path (layers and activations) must be installed; its loss
     * is built when its plugin is installed, and otherwise left out, so that the network predicts but refuses
     * {@link Network#loss} and {@link Network#backward} ({@link Network#hasLoss()} is then false).
     *
     * @param products where the products run
     * @throws ConfigException naming the JSON path of the first problem of the forward path, or of the loss's
     *         options when its plugin is installed
     */
    public Network forwardNetwork(ModelSpec spec, MatrixProducts products) {
        return build(spec, products, true);
    }

    private Network build(ModelSpec spec, MatrixProducts products, boolean lossOptional) {
        List<Options> layerOptions = plan(spec);
        List<Stage> stages = new ArrayList<>();
        int width = spec.inputs();
        ActivationProvider lastActivation = null;
        Options lastActivationOptions = Options.empty("");
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layerSpec = spec.layers().get(i);
            String path = "layers[" + i + "]";
            LayerProvider provider = layers.get(layerSpec.type());
            Options options = layerOptions.get(i);
            LayerContext layerContext = new LayerContext(width, options, layerSeed(spec.seed(), i), products);
            PluginLabel layerLabel = label(PluginKind.LAYER, layerSpec.type());
            Layer layer = created(path, layerLabel, () -> provider.create(layerContext));
            if (layer.inputWidth() != width) {
                throw new ConfigException(path, "layer \"" + layerSpec.type() + "\" expects " + layer.inputWidth()
                        + " inputs, but the previous layer gives " + width);
            }
            Activation activation = null;
            String activationName = null;
            PluginLabel activationLabel = null;
            lastActivation = null;
            lastActivationOptions = Options.empty(path + ".activation");
            if (layerSpec.activation() != null) {
                ComponentSpec a = layerSpec.activation();
                String at = path + ".activation";
                ActivationProvider ap = lookup(activations, a.type(), "activation",
                        a.options().isEmpty() ? at : at + ".type");
                lastActivationOptions = Options.parse(ap.options(), a.options(), at);
                ActivationContext activationContext = new ActivationContext(lastActivationOptions, layer.outputWidth());
                activationLabel = label(PluginKind.ACTIVATION, a.type());
                activation = created(at, activationLabel, () -> ap.create(activationContext));
                activationName = a.type();
                lastActivation = ap;
            }
            stages.add(new Stage(i, layerSpec.type(), layer, activationName, activation, layerLabel,
                    activationLabel));
            width = layer.outputWidth();
        }

        ComponentSpec lossSpec = spec.loss();
        if (lossOptional && !losses.containsKey(lossSpec.type())) {
            return new Network(spec.inputs(), stages, null, lossSpec.type(), null, null,
                    "its plugin is not installed", null,
                    PluginLabel.unknown(PluginKind.LOSS, lossSpec.type()), null);
        }
        LossProvider lossProvider = lookup(losses, lossSpec.type(), "loss", "loss.type");
        Options lossOptions = Options.parse(lossProvider.options(), lossSpec.options(), "loss");
        String lastName = stages.get(stages.size() - 1).activationName();
        if (lossProvider.needsDistribution() && (lastActivation == null || !lastActivation.outputsDistribution())) {
            String distributions = String.join(", ", activations.entrySet().stream()
                    .filter(e -> e.getValue().outputsDistribution()).map(Map.Entry::getKey).toList());
            throw new ConfigException("loss.type", "\"" + lossSpec.type() + "\" needs each output row to be a"
                    + " probability distribution, but the last layer (layers[" + (stages.size() - 1) + "]) has "
                    + (lastName == null ? "no activation" : "activation \"" + lastName + "\"")
                    + "; use one of: " + distributions);
        }

        int outputs = width;
        ShortcutContext tail = new ShortcutContext(lastActivationOptions, lossOptions, outputs);
        Shortcut shortcut = null;
        String shortcutName = null;
        PluginLabel shortcutLabel = null;
        String reason;
        String finiteAlternative = null; // a shortcut that covers this tail, for the generic path's messages
        for (ShortcutProvider sp : shortcuts.stream()
                .sorted(java.util.Comparator.comparing(PluginProvider::name)).toList()) {
            if (sp.activation().equals(lastName) && sp.loss().equals(lossSpec.type())) {
                finiteAlternative = sp.name();
                break;
            }
        }
        if (!spec.shortcuts()) {
            reason = "shortcuts are switched off in the model";
        } else {
            reason = "no installed shortcut covers " + (lastName == null ? "no activation" : lastName) + " + "
                    + lossSpec.type();
            for (ShortcutProvider sp : shortcuts.stream()
                    .sorted(java.util.Comparator.comparing(PluginProvider::name)).toList()) {
                PluginLabel candidate = label(PluginKind.SHORTCUT, sp.name());
                if (sp.activation().equals(lastName) && sp.loss().equals(lossSpec.type())
                        && created("shortcut", candidate, () -> sp.covers(tail))) {
                    shortcut = created("shortcut", candidate, () -> sp.create(tail));
                    shortcutName = sp.name();
                    shortcutLabel = candidate;
                    break;
                }
            }
        }
        PluginLabel lossLabel = label(PluginKind.LOSS, lossSpec.type());
        LossContext lossContext = new LossContext(lossOptions, outputs);
        Loss loss = created("loss", lossLabel, () -> lossProvider.create(lossContext));
        return new Network(spec.inputs(), stages, loss, lossSpec.type(), shortcut, shortcutName, reason,
                finiteAlternative, lossLabel, shortcutLabel);
    }

    /**
     * Builds the model's optimizer for {@code network}'s parameters.
     *
     * @throws ConfigException naming the JSON path if the optimizer is not installed or its options are bad
     */
    public Optimizer optimizer(ModelSpec spec, Network network) {
        requireOptimizer(spec);
        ComponentSpec opt = spec.optimizer();
        OptimizerProvider optimizerProvider = lookup(optimizers, opt.type(), "optimizer", "optimizer.type");
        Options optimizerOptions = Options.parse(optimizerProvider.options(), opt.options(), "optimizer");
        OptimizerContext context = new OptimizerContext(network.parameters(), optimizerOptions,
                optimizerSeed(spec.seed()));
        PluginLabel label = label(PluginKind.OPTIMIZER, opt.type());
        return new GuardedOptimizer(created("optimizer", label, () -> optimizerProvider.create(context)), label);
    }

    /**
     * Training needs an optimizer, and plugnet picks none for the model: a model file that names none predicts,
     * evaluates, explains and checks gradients, but is trained only once it names one.
     *
     * @throws ConfigException at {@code optimizer}, listing the installed optimizers, if {@code spec} names none
     */
    public void requireOptimizer(ModelSpec spec) {
        if (spec.optimizer() == null) {
            throw new ConfigException("optimizer", "training needs an optimizer and the model names none; add"
                    + " \"optimizer\": a name or {\"type\": name, options…}, one of the installed: "
                    + String.join(", ", new java.util.TreeSet<>(optimizers.keySet())));
        }
    }

    private PluginLabel label(PluginKind kind, String name) {
        return registry.find(kind, name).map(PluginLabel::of).orElse(PluginLabel.unknown(kind, name));
    }

    /**
     * Runs a provider's {@code create} (or {@code covers}): its own {@link ConfigException} (bad options) goes
     * through; anything else it throws is that plugin's failure; a {@code null} result is one too.
     */
    private static <T> T created(String path, PluginLabel label, java.util.function.Supplier<T> create) {
        T made;
        try {
            made = create.get();
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw PluginFailedException.of(path, label, "create", e);
        }
        if (made == null) {
            throw PluginFailedException.of(path, label, "create",
                    new NullPointerException("create returned null"));
        }
        return made;
    }

    /**
     * Checks every layer's options and plans the network from them alone — widths and parameter count — so that
     * the limits are enforced before any layer allocates.
     *
     * @return each layer's checked options
     */
    private List<Options> plan(ModelSpec spec) {
        if (spec.inputs() == ModelSpec.AUTO) {
            throw new ConfigException("inputs", "\"auto\" takes the width from the data, and there is none here;"
                    + " give the number of input columns");
        }
        List<Options> all = new ArrayList<>();
        int width = spec.inputs();
        long parameters = 0;
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layerSpec = spec.layers().get(i);
            String path = "layers[" + i + "]";
            LayerProvider provider = lookup(layers, layerSpec.type(), "layer", path + ".type");
            Options options = Options.parse(provider.options(), layerSpec.options(), path);
            LayerPlan plan;
            try {
                plan = provider.plan(width, options);
            } catch (ConfigException e) {
                throw e;
            } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
                throw PluginFailedException.of(path, label(PluginKind.LAYER, layerSpec.type()), "plan", e);
            }
            if (plan == null) {
                throw new ConfigException(path + ".type", "the \"" + layerSpec.type() + "\" plugin planned nothing"
                        + " (its LayerProvider.plan returned null: a bug in the plugin)");
            }
            String at = plan != null && plan.widthOption() != null && options.given().containsKey(plan.widthOption())
                    ? Options.childPath(path, plan.widthOption()) : path;
            if (plan.outputWidth() < 1 || plan.outputWidth() > limits.maxWidth()) {
                throw new ConfigException(at, "the layer would be " + plan.outputWidth() + " units wide; expected 1 to "
                        + limits.maxWidth() + " (raise the limit with -Dplugnet.max-width=N)");
            }
            parameters += plan.parameterCount();
            if (plan.parameterCount() < 0 || parameters > limits.maxParameters()) {
                throw new ConfigException(at, String.format(java.util.Locale.ROOT, "the model would have at least %,d"
                        + " parameters (%,d MB); the limit is %,d (raise it with -Dplugnet.max-parameters=N)",
                        parameters, parameters * Double.BYTES >> 20, limits.maxParameters()));
            }
            all.add(options);
            width = plan.outputWidth();
        }
        return all;
    }

    /** @return the optimizer's seed: a stream of its own, derived from the model's seed */
    static long optimizerSeed(long modelSeed) {
        return new SplittableRandom(~modelSeed).nextLong();
    }

    /** @return the seed of layer {@code index}: independent streams derived from the model's seed */
    static long layerSeed(long modelSeed, int index) {
        SplittableRandom root = new SplittableRandom(modelSeed);
        long seed = root.nextLong();
        for (int i = 0; i < index; i++) {
            seed = root.nextLong();
        }
        return seed;
    }

    private <P> P lookup(Map<String, P> installed, String name, String kind, String path) {
        P provider = installed.get(name);
        if (provider == null) {
            PluginKind pluginKind = java.util.Arrays.stream(PluginKind.values()).filter(k -> k.word().equals(kind))
                    .findFirst().orElse(null);
            if (pluginKind != null) {
                registry.clash(pluginKind, name).ifPresent(clash -> {
                    throw new ConfigException(path, clash);
                });
            }
            throw new ConfigException(path, "unknown " + kind + " \"" + name + "\"; installed " + kind
                    + (kind.endsWith("s") ? "es" : "s") + ": " + String.join(", ", installed.keySet().stream().sorted().toList()));
        }
        return provider;
    }
}
