/**
 * plugnet's test kit for plugin authors. Add {@code dev.plugnet:plugnet-testkit} as a test dependency and call
 * {@link dev.plugnet.testkit.LayerCheck} or {@link dev.plugnet.testkit.ActivationCheck} from any test
 * framework: a failed check throws an {@link AssertionError} that lists every problem in plain words. It
 * depends on the api alone (and on the JDK's compiler, through {@link java.util.spi.ToolProvider}, for
 * {@link dev.plugnet.testkit.PluginJarBuilder}).
 */
module dev.plugnet.testkit {
    requires transitive dev.plugnet.api;

    exports dev.plugnet.testkit;
}
