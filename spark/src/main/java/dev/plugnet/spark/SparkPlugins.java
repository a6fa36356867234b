package dev.plugnet.spark;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.PluginProvider;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.plugins.InstalledPlugin;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;
import org.apache.spark.SparkEnv;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * plugnet over the plugins that Spark's class loader sees where this runs: the built-in plugins and every jar
 * shipped with {@code --jars} or {@code spark.jars}, found through their {@code META-INF/services} files with
 * the task's context class loader (the one Spark adds shipped jars to on an executor).
 */
final class SparkPlugins {
    private SparkPlugins() {
    }

    /** @return plugnet over the plugins visible to the current thread's context class loader */
    static Plugnet boot() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = SparkPlugins.class.getClassLoader();
        }
        List<InstalledPlugin> found = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            for (PluginProvider provider : ServiceLoader.load(kind.spi(), loader)) {
                found.add(InstalledPlugin.builtIn(provider));
            }
        }
        return Plugnet.with(PluginRegistry.of(found));
    }

    /**
     * Reads a model with the plugins installed here.
     *
     * @throws PlugnetSparkException naming this executor (or the driver) and the JSON path, for example a layer
     *         plugin whose jar was not shipped to the executor
     */
    static ModelSpec read(Plugnet plugnet, String modelJson, String source) {
        try {
            return plugnet.reader().read(modelJson);
        } catch (ConfigException e) {
            throw wrap(e, source);
        }
    }

    /**
     * Reads and assembles a model with the plugins installed here (for an executor's own network).
     *
     * @throws PlugnetSparkException as {@link #read}, also for a plugin that the assembler does not find
     */
    static AssembledModel assemble(Plugnet plugnet, String modelJson, String source) {
        return assemble(plugnet, read(plugnet, modelJson, source), source);
    }

    static AssembledModel assemble(Plugnet plugnet, ModelSpec spec, String source) {
        try {
            return plugnet.assemble(spec);
        } catch (ConfigException e) {
            throw wrap(e, source);
        }
    }

    private static PlugnetSparkException wrap(ConfigException e, String source) {
        String hint = e.problem().contains("unknown") ? "; ship the plugin's jar with --jars or spark.jars" : "";
        return new PlugnetSparkException(source + " on " + here() + ", " + e.location(), e.problem() + hint);
    }

    /** @return "the driver" or "executor ID (host)" */
    static String here() {
        SparkEnv env = SparkEnv.get();
        if (env == null || org.apache.spark.TaskContext.get() == null) {
            return "the driver";
        }
        return "executor " + env.executorId() + " (" + env.blockManager().blockManagerId().host() + ")";
    }
}
