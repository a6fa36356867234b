package dev.plugnet.core.reference;

import dev.plugnet.core.Plugnet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every case of shared/fixtures and shared/fixtures-weighted (class weights), on the shortcut path and on the
 * generic path, through JSON spec, Guice and plugins.
 */
class ReferenceCasesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Path WEIGHTED = Path.of("src/test/resources/fixtures-weighted");
    static final ReferenceLayer DENSE = new ReferenceLayer("dense", "units", "weights", "biases", "W", "b");

    @TestFactory
    List<DynamicTest> everyReferenceCaseMatchesWithinTolerance() {
        Plugnet plugnet = Plugnet.boot();
        ReferenceCaseReader reader = new ReferenceCaseReader(plugnet.json());
        ReferenceCheck check = new ReferenceCheck(plugnet, DENSE);
        List<Path> files = ReferenceCaseReader.expand(List.of(FIXTURES, WEIGHTED));
        assertTrue(files.size() >= 4, "the three shared fixtures and the weighted one are copied into test resources");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            ReferenceCase c = reader.read(file);
            for (boolean shortcut : new boolean[] {true, false}) {
                tests.add(DynamicTest.dynamicTest(c.name() + (shortcut ? " shortcut" : " generic"), () -> {
                    ReferenceResult r = check.run(c, shortcut);
                    if (shortcut) {
                        assertTrue(r.ran(), "the shortcut path runs: " + r.note());
                    } else {
                        assertTrue(r.ran() || c.expected().dLds() == null, "generic path runs where dL_ds exists");
                    }
                    assertTrue(r.passed(), () -> r.worstArray() + " has relative error " + r.worstError());
                    if (r.ran()) {
                        assertTrue(r.worstError() < 1e-12, () -> "float64 code lands near 1e-15, got "
                                + r.worstError() + " in " + r.worstArray());
                    }
                }));
            }
        }
        return tests;
    }

    @org.junit.jupiter.api.Test
    void theWeightedCaseFailsWithoutItsWeightsSoTheyAreReallyApplied() {
        Plugnet plugnet = Plugnet.boot();
        ReferenceCase c = new ReferenceCaseReader(plugnet.json()).read(WEIGHTED.resolve("weighted-5-4-3.json"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 2.5, 0.5}, c.classWeights());
        ReferenceCase unweighted = new ReferenceCase(c.name(), c.source(), c.sizes(), c.hiddenActivation(),
                c.outputActivation(), c.loss(), c.x(), c.t(), c.weights(), c.biases(), c.expected(), null);
        for (boolean shortcut : new boolean[] {true, false}) {
            assertTrue(new ReferenceCheck(plugnet, DENSE).run(c, shortcut).passed());
            assertFalse(new ReferenceCheck(plugnet, DENSE).run(unweighted, shortcut).passed());
        }
    }
}
