/**
 * plugnet's api: the service-provider interfaces a plugin implements, the matrix type and the contract of
 * its products ({@link dev.plugnet.api.MatrixProducts}), the typed view of a plugin's options and the
 * exceptions. It depends on {@code java.base} only, so a plugin author needs one small jar. The package
 * {@code dev.plugnet.api.support} holds helpers (buffer reuse) that are support, not contract.
 */
module dev.plugnet.api {
    exports dev.plugnet.api;
    exports dev.plugnet.api.support;
}
