package dev.plugnet.core.network;

import dev.plugnet.api.Parameter;

/**
 * A parameter with its path in the model, for example {@code layers[0].W}.
 *
 * @param path where it is, for messages and checkpoints
 * @param parameter the parameter
 */
public record NamedParameter(String path, Parameter parameter) {
}
