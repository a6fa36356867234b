/**
 * plugnet's command-line app. Plugins arrive on the module path (service binding), never as compile
 * dependencies.
 */
module dev.plugnet.app {
    requires dev.plugnet.core;
    requires info.picocli;
    requires me.tongfei.progressbar; // train's progress bar on a terminal
    requires org.jfree.jfreechart;   // train --plot
    requires java.desktop;           // JFreeChart draws with Java2D (headless)

    opens dev.plugnet.app to info.picocli;
}
