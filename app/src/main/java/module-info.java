/**
 * plugnet's command-line app. Plugins arrive on the module path (service binding), never as compile
 * dependencies.
 */
module dev.plugnet.app {
    requires dev.plugnet.core;
    requires info.picocli;

    opens dev.plugnet.app to info.picocli;
}
