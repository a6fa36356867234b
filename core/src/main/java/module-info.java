/**
 * plugnet's core: the library facade, plugin discovery, the Guice module, the JSON model format, model assembly
 * and the network's forward and backward pass, CSV data sets, the training loop, metrics, checkpoints, and the
 * verification code (reference cases, gradient check). It never imports a plugin class: plugins arrive through
 * {@link java.util.ServiceLoader}.
 */
module dev.plugnet.core {
    requires transitive dev.plugnet.api;
    requires com.google.guice;
    // core imports no Guava, but Guice does: Guice is an automatic module and cannot require Guava, and on the
    // module path a named module (Guava 33.4+) is resolved only if some module requires it. Without this line
    // the real app fails with NoClassDefFoundError: com/google/common/base/Stopwatch.
    requires com.google.common;
    requires jdk.management; // per-thread allocation counts for the throughput report
    requires jakarta.inject; // Guice 7 is an automatic module: its explicit dependencies must be required by name
    requires transitive tools.jackson.databind;
    requires tools.jackson.dataformat.csv; // CSV data sets

    // core's parts, bottom up (docs/architecture.md; CoreLayersTest keeps the imports to this order):
    // the facade that programs embedding plugnet use
    exports dev.plugnet.core;
    // plugins, the model file and the network
    exports dev.plugnet.core.plugins;
    exports dev.plugnet.core.model;
    exports dev.plugnet.core.compute;
    exports dev.plugnet.core.network;
    // data sets: CSV reading (the only user of Jackson CSV), splits and standardisation; and metrics
    exports dev.plugnet.core.data;
    exports dev.plugnet.core.metrics;
    // training and its checkpoints
    exports dev.plugnet.core.train;
    exports dev.plugnet.core.checkpoint;
    exports dev.plugnet.core.files;
    // verification: the reference cases and the gradient check, for the app's verify-reference and gradcheck
    exports dev.plugnet.core.reference to dev.plugnet.app;
    exports dev.plugnet.core.gradcheck to dev.plugnet.app;
    // values shown in messages (cut and escaped), for the app's reports
    exports dev.plugnet.core.text to dev.plugnet.app;
    // not exported: dev.plugnet.core.json (the strict JSON helpers)

    uses dev.plugnet.api.LayerProvider;
    uses dev.plugnet.api.ActivationProvider;
    uses dev.plugnet.api.LossProvider;
    uses dev.plugnet.api.OptimizerProvider;
    uses dev.plugnet.api.ShortcutProvider;
    uses dev.plugnet.api.ComputeProvider;
}
