/**
 * plugnet's test kit for plugin authors. Add {@code dev.plugnet:plugnet-testkit} as a test dependency and call
 * the check of your plugin's kind — {@link dev.plugnet.testkit.LayerCheck},
 * {@link dev.plugnet.testkit.ActivationCheck}, {@link dev.plugnet.testkit.LossCheck},
 * {@link dev.plugnet.testkit.OptimizerCheck} or {@link dev.plugnet.testkit.ShortcutCheck} — from any test
 * framework: a failed check throws an {@link AssertionError} that lists every problem in plain words.
 * {@link dev.plugnet.testkit.FiniteDifferences} and {@link dev.plugnet.testkit.Allocations} are there for a
 * plugin's own tests. It
 * depends on the api alone (and on the JDK's compiler, through {@link java.util.spi.ToolProvider}, for
 * {@link dev.plugnet.testkit.PluginJarBuilder}).
 */
module dev.plugnet.testkit {
    requires transitive dev.plugnet.api;

    exports dev.plugnet.testkit;
}
