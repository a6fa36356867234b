/**
 * Support for plugin authors, not part of the contract between plugnet and its plugins: helpers a plugin may
 * use to reuse its buffers (so that a training step allocates nothing), with a policy tuned to plugnet's
 * training loop that may change between releases without notice. A plugin that does not use them loses
 * nothing but speed.
 */
package dev.plugnet.api.support;
