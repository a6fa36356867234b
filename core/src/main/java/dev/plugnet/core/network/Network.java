package dev.plugnet.core.network;

import dev.plugnet.api.support.BatchBuffer;
import dev.plugnet.api.Loss;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.NonFiniteException;
import dev.plugnet.api.Parameter;
import dev.plugnet.api.Shortcut;
import dev.plugnet.core.plugins.PluginFailedException;
import dev.plugnet.core.plugins.PluginLabel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A network assembled from plugins: stages (layer + activation) in order, a loss, and the backward path for
 * the tail, either a {@link Shortcut} (fused steps 1–2 of SPEC.md) or the generic steps (the loss's step 1,
 * then the output activation's vector-Jacobian product, step 2). Any depth, any widths.
 *
 * <p>A network built for prediction whose loss plugin is not installed has no loss ({@link #hasLoss()}): it
 * runs {@link #forward} alone, and refuses {@link #loss} and {@link #backward}.
 *
 * <p>A training step is {@link #forward}, {@link #loss}, {@link #backward}, then the optimizer's step. Buffers
 * are reused while the batch size stays the same, so a step allocates nothing once warmed up. A network is not
 * thread-safe.
 */
public final class Network {
    private final int inputs;
    private final List<Stage> stages;
    private final Stage[] stageArray;
    private final Loss loss;
    private final String lossName;
    private final Shortcut shortcut;
    private final String shortcutName;
    private final String genericReason;
    private final String finiteAlternative;
    private final List<NamedParameter> parameters;
    private final BatchBuffer lossGradientBuffer;
    private Matrix lossGradient;
    private final PluginLabel lossLabel;
    private final PluginLabel shortcutLabel;

    Network(int inputs, List<Stage> stages, Loss loss, String lossName, Shortcut shortcut, String shortcutName,
            String genericReason, String finiteAlternative, PluginLabel lossLabel, PluginLabel shortcutLabel) {
        this.lossLabel = lossLabel;
        this.shortcutLabel = shortcutLabel;
        this.inputs = inputs;
        this.stages = List.copyOf(stages);
        this.stageArray = this.stages.toArray(new Stage[0]);
        this.lossGradientBuffer = new BatchBuffer(stageArray[stageArray.length - 1].layer().outputWidth());
        this.loss = loss;
        this.lossName = lossName;
        this.shortcut = shortcut;
        this.shortcutName = shortcutName;
        this.genericReason = genericReason;
        this.finiteAlternative = finiteAlternative;
        List<NamedParameter> all = new ArrayList<>();
        for (Stage stage : stages) {
            for (Parameter p : stage.layer().parameters()) {
                all.add(new NamedParameter("layers[" + stage.index() + "]." + p.name(), p));
            }
        }
        this.parameters = Collections.unmodifiableList(all);
    }

    /**
     * @param x the input batch, (B, n_1)
     * @param training whether this pass is for training
     * @return the output (B, K), a live buffer valid until the next forward
     */
    public Matrix forward(Matrix x, boolean training) {
        Matrix.requireShape("network input", x, x.rows(), inputs);
        Matrix current = x;
        for (Stage stage : stageArray) {
            current = stage.forward(current, training);
        }
        return current;
    }

    /**
     * @param target t, (B, K), for the batch of the last {@link #forward}
     * @return L, the mean loss over the batch; the shortcut computes it stably from the logits
     */
    public double loss(Matrix target) {
        requireLoss();
        Stage last = last();
        Matrix.requireSameShape("targets", last.output(), target);
        try {
            return shortcut != null ? shortcut.value(last.preActivation(), last.output(), target)
                    : loss.value(last.output(), target);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw tailFailed("value", e);
        }
    }

    /**
     * Computes every parameter's gradient for the batch of the last {@link #forward}: steps 1–8 of SPEC.md.
     *
     * @param target t, (B, K)
     * @throws NonFiniteException if the generic path's dL/d(output) or dL/da of the tail is not finite (for
     *         example {@code t > 0} where softmax underflowed to {@code s = 0}); nothing is trained on it
     */
    public void backward(Matrix target) {
        requireLoss();
        Stage last = last();
        Matrix.requireSameShape("targets", last.output(), target);
        if (shortcut != null) {
            try {
                shortcut.gradient(last.preActivation(), last.output(), target, last.preActivationGradientBuffer());
            } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
                throw tailFailed("gradient", e);
            }
        } else {
            lossGradient = lossGradientBuffer.rows(last.output().rows());
            try {
                loss.gradient(last.output(), target, lossGradient);
            } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
                throw tailFailed("gradient", e);
            }
            requireFinite(lossGradient, "step 1: dL/d(output) of " + lossName, last, target, finiteAlternative);
            Matrix pre = last.activationBackward(lossGradient);
            requireFinite(pre, "step 2: dL/da of layers[" + last.index() + "]", last, target, finiteAlternative);
        }
        Stage[] all = stageArray;
        for (int i = all.length - 1; i >= 0; i--) {
            Matrix inputGradient = all[i].layerBackward(i > 0);
            if (i > 0) {
                all[i - 1].activationBackward(inputGradient);
            }
        }
    }

    /** @return whether the network has its loss (one built for prediction lacks it when its plugin is missing) */
    public boolean hasLoss() {
        return loss != null;
    }

    private void requireLoss() {
        if (loss == null) {
            throw new IllegalStateException("the loss \"" + lossName + "\" is not installed: this network was built"
                    + " for prediction only");
        }
    }

    private PluginFailedException tailFailed(String phase, Throwable e) {
        return shortcut != null ? PluginFailedException.of("shortcut", shortcutLabel, phase, e)
                : PluginFailedException.of("loss", lossLabel, phase, e);
    }

    /** @param finiteAlternative the installed shortcut that covers this tail, or {@code null} if none does */
    private static void requireFinite(Matrix m, String what, Stage last, Matrix target, String finiteAlternative) {
        if (m.isFinite()) {
            return;
        }
        double[] d = m.data();
        int cols = m.cols();
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                int row = i / cols;
                int col = i % cols;
                throw new NonFiniteException(what, "not finite at row " + row + ", column " + col + " (value " + d[i]
                        + ", output " + last.output().get(row, col) + ", target " + target.get(row, col)
                        + "); the generic path cannot train on it"
                        + (finiteAlternative == null ? "" : " — the fused shortcut " + finiteAlternative
                                + " stays finite here"));
            }
        }
    }

    private Stage last() {
        return stageArray[stageArray.length - 1];
    }

    /** @return n_1, the width of an input row */
    public int inputs() {
        return inputs;
    }

    /** @return K, the width of an output row */
    public int outputs() {
        return last().layer().outputWidth();
    }

    /** @return the stages in order, with the values of the last passes */
    public List<Stage> stages() {
        return stages;
    }

    /** @return every trainable parameter with its path, in order ({@code layers[0].W}, {@code layers[0].b}, …) */
    public List<NamedParameter> namedParameters() {
        return parameters;
    }

    /** @return every trainable parameter, in order */
    public List<Parameter> parameters() {
        return parameters.stream().map(NamedParameter::parameter).toList();
    }

    /** @return the number of trainable values */
    public long parameterCount() {
        long n = 0;
        for (NamedParameter p : parameters) {
            n += (long) p.parameter().value().rows() * p.parameter().value().cols();
        }
        return n;
    }

    /** @return dL/d(output) of the generic path's step 1 from the last backward, or {@code null} if a shortcut ran */
    public Matrix lossGradient() {
        return shortcut == null ? lossGradient : null;
    }

    /** @return whether the tail's backward is a fused shortcut */
    public boolean usesShortcut() {
        return shortcut != null;
    }

    /** @return the loss plugin's name */
    public String lossName() {
        return lossName;
    }

    /** @return the shortcut's name, or {@code null} on the generic path */
    public String shortcutName() {
        return shortcutName;
    }

    /** @return one line saying which backward path runs for the tail, and why */
    public String backwardPath() {
        Stage last = last();
        String act = last.activationName() == null ? "no activation" : last.activationName();
        if (loss == null) {
            return "none: the loss \"" + lossName + "\" is not installed (prediction only)";
        }
        if (shortcut != null) {
            return "shortcut " + shortcutName + " (fused steps 1–2 for " + act + " + " + lossName + ")";
        }
        return "generic (" + lossName + " step 1, then " + act + " step 2): " + genericReason;
    }

    /** @return a human-readable summary: stages, widths, parameter counts and the backward path */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        int width = inputs;
        sb.append("input: ").append(inputs).append(" features\n");
        for (Stage stage : stages) {
            long count = 0;
            for (Parameter p : stage.layer().parameters()) {
                count += (long) p.value().rows() * p.value().cols();
            }
            sb.append(String.format("layers[%d]: %s %d→%d, %d parameters%s%n", stage.index(), stage.layerType(),
                    width, stage.layer().outputWidth(), count,
                    stage.activationName() == null ? "" : ", activation " + stage.activationName()));
            width = stage.layer().outputWidth();
        }
        sb.append("loss: ").append(lossName).append(loss == null ? " (not installed: prediction only)" : "")
                .append('\n');
        sb.append("backward tail: ").append(backwardPath()).append('\n');
        sb.append("parameters: ").append(parameterCount());
        return sb.toString();
    }
}
