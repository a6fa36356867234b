package dev.plugnet.core.reference;

import dev.plugnet.core.json.StrictJson;
import dev.plugnet.testkit.SeedCase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The testkit's {@link SeedCase} is the fixture {@code seed-5-4-3-batch4.json} written out for plugin authors
 * (the testkit depends on the api alone, so it cannot read JSON): every number it gives is the fixture's, exactly.
 */
class SeedCaseMatchesItsFixtureTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/seed-5-4-3-batch4.json");

    private static double[][] matrix(JsonNode rows) {
        if (!rows.get(0).isArray()) { // a bias vector: one row
            return new double[][] {vector(rows)};
        }
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector(rows.get(i));
        }
        return out;
    }

    private static double[] vector(JsonNode values) {
        double[] out = new double[values.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = values.get(j).doubleValue();
        }
        return out;
    }

    private static void same(JsonNode fixture, Supplier<double[][]> seedCase, String name) {
        double[][] expected = matrix(fixture);
        double[][] actual = seedCase.get();
        assertEquals(expected.length, actual.length, name + " rows");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 0.0, name + " row " + i);
        }
    }

    @Test
    void everyValueOfTheSeedCaseIsTheFixturesExactly() throws IOException {
        JsonNode f = StrictJson.readTree(StrictJson.mapper(), Files.readString(FIXTURE));
        JsonNode e = f.get("expected");
        assertEquals(e.get("loss").doubleValue(), SeedCase.loss(), 0.0, "loss");
        same(f.get("x"), SeedCase::x, "x");
        same(f.get("t"), SeedCase::t, "t");
        same(f.get("W").get(0), SeedCase::w1, "W1");
        same(f.get("b").get(0), SeedCase::b1, "b1");
        same(f.get("W").get(1), SeedCase::w2, "W2");
        same(f.get("b").get(1), SeedCase::b2, "b2");
        same(e.get("pre_activations").get(0), SeedCase::a1, "a1");
        same(e.get("hidden_outputs").get(0), SeedCase::z, "z");
        same(e.get("pre_activations").get(1), SeedCase::a2, "a2");
        same(e.get("s"), SeedCase::s, "s");
        same(e.get("dL_ds"), SeedCase::dLds, "dL/ds");
        same(e.get("dL_dpre").get(1), SeedCase::dLda2, "dL/da2");
        same(e.get("dL_db").get(1), SeedCase::dLdb2, "dL/db2");
        same(e.get("dL_dW").get(1), SeedCase::dLdW2, "dL/dW2");
        same(e.get("dL_dhidden").get(0), SeedCase::dLdz, "dL/dz");
        same(e.get("dL_dpre").get(0), SeedCase::dLda1, "dL/da1");
        same(e.get("dL_db").get(0), SeedCase::dLdb1, "dL/db1");
        same(e.get("dL_dW").get(0), SeedCase::dLdW1, "dL/dW1");
    }
}
