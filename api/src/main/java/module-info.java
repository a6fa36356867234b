/**
 * plugnet's api: the service-provider interfaces a plugin implements, the matrix type, the typed view of a
 * plugin's options and the exceptions. It depends on {@code java.base} only, so a plugin author needs one
 * small jar.
 */
module dev.plugnet.api {
    exports dev.plugnet.api;
}
