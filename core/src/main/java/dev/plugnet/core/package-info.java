/**
 * plugnet as a library: the one package a program needs besides {@code dev.plugnet.api}.
 *
 * <ul>
 *   <li>{@link dev.plugnet.core.Plugnet} — the installed plugins, wired: {@code Plugnet.boot()} or
 *       {@code Plugnet.builder()} (plugin folders, providers registered in code, limits, compute threads); reads
 *       model specs, starts training, loads trained models from a path, a stream or a string;</li>
 *   <li>{@link dev.plugnet.core.Fit} — training on rows in memory, with the CSV reader's checks, a separate
 *       validation set, listeners and a {@link dev.plugnet.core.Cancellation};</li>
 *   <li>{@link dev.plugnet.core.TrainedModel} — immutable and thread-safe: predict, evaluate, save;
 *       {@link dev.plugnet.core.Predictor} — one per thread, allocation-free per row;
 *       {@link dev.plugnet.core.Prediction}, {@link dev.plugnet.core.Evaluation};</li>
 *   <li>the use cases behind the command-line app, each once: {@link dev.plugnet.core.TrainingRun} (a
 *       {@link dev.plugnet.core.TrainingRequest} in, a {@link dev.plugnet.core.TrainingOutcome} out) and
 *       {@link dev.plugnet.core.Explanation}.</li>
 * </ul>
 *
 * Every problem with a program's input is a {@link dev.plugnet.api.PlugnetException} that says where and what
 * was expected.
 */
package dev.plugnet.core;
