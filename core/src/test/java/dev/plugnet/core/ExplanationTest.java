package dev.plugnet.core;

import dev.plugnet.core.data.ArrayData;
import dev.plugnet.core.data.DataException;
import dev.plugnet.core.model.ModelSpec;
import dev.plugnet.core.network.Network;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplanationTest {
    private static final Plugnet PLUGNET = Plugnet.boot();
    private static final ModelSpec SPEC = PLUGNET.parseSpec(Blobs.SPEC);

    @Test
    void withoutDataTheBatchIsSeededRandomRowsAndThePassFillsEveryGradient() {
        Explanation a = Explanation.prepare(SPEC, PLUGNET.assembler().network(SPEC), null, null, null, 3);
        Explanation b = Explanation.prepare(SPEC, PLUGNET.assembler().network(SPEC), null, null, null, 3);
        assertNull(a.dataSource());
        assertArrayEquals(a.x().data(), b.x().data(), "seeded by the model's seed");
        assertEquals(3, a.t().rows());
        double loss = a.pass();
        assertTrue(loss > 0 && Double.isFinite(loss));
        a.network().namedParameters().forEach(p -> assertTrue(p.parameter().gradient().isFinite(), p.path()));
    }

    @Test
    void dataIsStandardisedOverAllItsRowsAndMustFitTheNetwork() {
        Blobs blobs = Blobs.of(30, 1);
        var data = new ArrayData("x", "y").forTraining(blobs.featureNames(), blobs.x(), blobs.y());
        Explanation e = Explanation.prepare(SPEC, PLUGNET.assembler().network(SPEC), data, "x", null, 2);
        assertEquals(2, e.x().rows());
        assertEquals(List.of("hyper", "hypo", "normal"), e.classes());
        Network wide = PLUGNET.assembler().network(PLUGNET.parseSpec(Blobs.SPEC.replace("\"inputs\": 5",
                "\"inputs\": 6")));
        DataException bad = assertThrows(DataException.class, () -> Explanation.prepare(SPEC, wide, data, "x", null, 2));
        assertEquals("x: has 5 features and 3 classes, but the network has 6 inputs and 3 outputs", bad.getMessage());
    }
}
