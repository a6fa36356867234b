package dev.plugnet.core.network;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Matrix;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.model.ModelSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Restoring an optimizer's state checks every saved value before anything is copied. */
class ModelStateTest {
    private static final Plugnet PLUGNET = Plugnet.boot();

    private static AssembledModel adam() {
        try {
            String json = java.nio.file.Files.readString(Path.of("../examples/seed-5-4-3.json"))
                    .replace("\"type\": \"sgd\"", "\"type\": \"adam\"");
            ModelSpec spec = PLUGNET.reader().read(json);
            assertEquals("adam", spec.optimizer().type());
            return PLUGNET.assemble(spec);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Matrix> stateWith(AssembledModel model, String entry, int element, double value) {
        Map<String, Matrix> state = new LinkedHashMap<>();
        model.optimizer().state().forEach((name, m) -> state.put(name, m.copy()));
        state.get(entry).data()[element] = value;
        return state;
    }

    @Test
    void aNonFiniteSavedValueNamesItsElementAndNothingIsCopied() {
        AssembledModel source = adam();
        AssembledModel target = adam();
        ModelState state = ModelState.of(ModelState.of(source).weights(), stateWith(source, "m[1]", 0, Double.NaN), 0);
        ConfigException e = assertThrows(ConfigException.class, () -> state.restoreInto(target));
        assertEquals("optimizer.state[\"m[1]\"].values[0]", e.location());
        assertEquals(0.0, target.optimizer().state().get("step").get(0, 0), "nothing is restored");
    }

    @Test
    void theOptimizersOwnRefusalNamesTheEntryAndTheOptimizer() {
        AssembledModel source = adam();
        ModelState state = ModelState.of(ModelState.of(source).weights(), stateWith(source, "step", 0, -3), 0);
        ConfigException e = assertThrows(ConfigException.class, () -> state.restoreInto(adam()));
        assertEquals("optimizer.state.step", e.location());
        assertEquals("expected a whole number of steps from 0 to 2^53, got -3.0 (optimizer \"adam\")", e.problem());
    }
}
