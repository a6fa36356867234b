package dev.plugnet.core.train;

import dev.plugnet.core.network.AssembledModel;
import dev.plugnet.core.network.ModelState;

/** A {@link ModelState} of one model that is taken again and again (the best epoch, the last good one). */
final class Snapshot {
    private final AssembledModel model;
    private final ModelState state;
    private boolean taken;

    Snapshot(AssembledModel model) {
        this.model = model;
        this.state = ModelState.of(model);
    }

    void take() {
        state.takeFrom(model);
        taken = true;
    }

    /** Puts the model back to the state last taken; does nothing if none was. */
    void restore() {
        if (taken) {
            state.restoreInto(model);
        }
    }

    boolean taken() {
        return taken;
    }
}
