/** The ${pluginName} plugin for plugnet. */
module ${moduleName} {
    requires dev.plugnet.api;

    provides dev.plugnet.api.LayerProvider with ${package}.${className}Provider;
}
