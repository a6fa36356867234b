package dev.plugnet.core.train;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.NamedParameter;

import java.util.ArrayList;
import java.util.List;

/**
 * A copy of a model's parameters and optimizer state (values and η), taken and restored by copying into
 * buffers made once, so that taking a snapshot every epoch allocates nothing.
 */
final class ModelSnapshot {
    private final AssembledModel model;
    private final List<Matrix> values = new ArrayList<>();
    private final List<Matrix> state = new ArrayList<>();
    private double learningRate;
    private boolean taken;

    ModelSnapshot(AssembledModel model) {
        this.model = model;
        for (NamedParameter p : model.network().namedParameters()) {
            values.add(p.parameter().value().copy());
        }
        for (Matrix m : model.optimizer().state().values()) {
            state.add(m.copy());
        }
    }

    void take() {
        List<NamedParameter> params = model.network().namedParameters();
        for (int i = 0; i < params.size(); i++) {
            values.get(i).copyFrom(params.get(i).parameter().value());
        }
        List<Matrix> live = List.copyOf(model.optimizer().state().values());
        for (int i = 0; i < live.size(); i++) {
            state.get(i).copyFrom(live.get(i));
        }
        learningRate = model.optimizer().learningRate();
        taken = true;
    }

    void restore() {
        if (!taken) {
            return;
        }
        List<NamedParameter> params = model.network().namedParameters();
        for (int i = 0; i < params.size(); i++) {
            params.get(i).parameter().value().copyFrom(values.get(i));
        }
        List<Matrix> live = List.copyOf(model.optimizer().state().values());
        for (int i = 0; i < live.size(); i++) {
            live.get(i).copyFrom(state.get(i));
        }
        model.optimizer().learningRate(learningRate);
    }

    boolean taken() {
        return taken;
    }
}
