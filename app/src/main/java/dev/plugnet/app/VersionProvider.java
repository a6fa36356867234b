package dev.plugnet.app;

import dev.plugnet.api.ApiVersion;
import dev.plugnet.core.checkpoint.Checkpoint;
import picocli.CommandLine;

/** Prints plugnet's version, the api and model-format versions, and the Java runtime. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getModule().getDescriptor() == null ? "development"
                : Main.class.getModule().getDescriptor().rawVersion().orElse("development");
        return new String[] {
            "plugnet " + version,
            "api " + ApiVersion.MAJOR + ", model format " + ApiVersion.MODEL_FORMAT + ", checkpoint format "
                    + Checkpoint.FORMAT,
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
