package dev.plugnet.core.compute;

import dev.plugnet.api.ComputeBackend;
import dev.plugnet.api.ComputeContext;
import dev.plugnet.api.ComputeProvider;
import dev.plugnet.api.ComputeUnavailableException;
import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Matrix;
import dev.plugnet.api.MatrixProducts;
import dev.plugnet.core.plugins.PluginKind;
import dev.plugnet.core.plugins.PluginRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Choosing and starting compute backends: auto's routing by size, fallbacks, warnings, precedence. */
class ComputeBackendsTest {
    private final List<String> warnings = new ArrayList<>();

    /** A backend that counts its products and says it is fastest from {@code from} multiply-adds. */
    private static final class Counting implements ComputeProvider {
        final String name;
        final long from;
        final boolean fails;
        int products;

        Counting(String name, long from, boolean fails) {
            this.name = name;
            this.from = from;
            this.fails = fails;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "counts";
        }

        @Override
        public long autoFrom() {
            return from;
        }

        @Override
        public ComputeBackend open(ComputeContext context) {
            if (fails) {
                throw new ComputeUnavailableException(name, "no native library for this platform", null);
            }
            return new ComputeBackend() {
                @Override
                public void multiply(Matrix a, boolean ta, Matrix b, boolean tb, Matrix c, boolean accumulate) {
                    products++;
                    MatrixProducts.plain().multiply(a, ta, b, tb, c, accumulate);
                }

                @Override
                public String name() {
                    return name;
                }

                @Override
                public int threads() {
                    return context.threads();
                }

                @Override
                public String describe() {
                    return "counting";
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** @return the installed java backend's provider, as the registry finds it */
    private static ComputeProvider java() {
        return PluginRegistry.discover().providers(PluginKind.COMPUTE, ComputeProvider.class).get("java");
    }

    private ComputeBackends backends(String preferred, ComputeProvider... providers) {
        Map<String, ComputeProvider> byName = new java.util.TreeMap<>();
        for (ComputeProvider p : providers) {
            byName.put(p.name(), p);
        }
        return new ComputeBackends(byName, warnings::add, preferred);
    }

    @Test
    void autoGivesEachProductToTheBackendDeclaredFastestForItsSize() {
        Counting fast = new Counting("fast", 1000, false);
        try (ComputeBackend auto = backends(null, java(), fast).open("auto", 1)) {
            auto.multiplyInto(Matrix.zeros(2, 3), Matrix.zeros(3, 4), Matrix.zeros(2, 4)); // 24 multiply-adds
            assertEquals(0, fast.products);
            auto.multiplyInto(Matrix.zeros(10, 10), Matrix.zeros(10, 10), Matrix.zeros(10, 10)); // 1000
            assertEquals(1, fast.products);
            auto.transposeMultiplyInto(Matrix.zeros(10, 20), Matrix.zeros(10, 5), Matrix.zeros(20, 5)); // 1000
            assertEquals(2, fast.products);
            assertEquals("java below 1000; fast from 1000 multiply-adds", auto.describe());
            assertEquals("auto", auto.name());
        }
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void aBackendNamedButUnableToStartIsOneWarningAndJavaRuns() {
        try (ComputeBackend b = backends(null, java(), new Counting("native", 10, true))
                .open("native", 2)) {
            assertEquals("java", b.name());
            assertEquals(2, b.threads());
        }
        assertEquals(List.of("compute backend \"native\" cannot run here (no native library for this platform);"
                + " products run on java instead"), warnings);
    }

    @Test
    void autoLeavesOutABackendThatCannotStartWithOneWarning() {
        try (ComputeBackend auto = backends(null, java(), new Counting("native", 10, true))
                .open("auto", 1)) {
            assertTrue(auto.describe().startsWith("java for every product"), auto.describe());
        }
        assertEquals(1, warnings.size());
    }

    @Test
    void withoutAnyComputePluginTheApiPlainLoopsRun() {
        try (ComputeBackend b = backends(null).open("auto", 4)) {
            Matrix c = b.multiplyInto(Matrix.of(new double[] {1, 2}), Matrix.of(new double[] {3}, new double[] {4}),
                    Matrix.zeros(1, 1));
            assertEquals(11, c.get(0, 0));
            assertTrue(b.describe().contains("plain"), b.describe());
        }
    }

    @Test
    void theCommandLineOverridesTheModelFileAndAnUnknownNameInAFileIsAWarning() {
        ComputeBackends chosen = backends("java", java(), new Counting("fast", 10, false));
        assertEquals("java", chosen.choice("fast"));
        ComputeBackends free = backends(null, java(), new Counting("fast", 10, false));
        assertEquals("fast", free.choice("fast"));
        assertEquals("auto", free.choice(null));
        assertEquals("auto", free.choice("cuda"));
        assertEquals(List.of("training.compute: no compute backend \"cuda\" is installed here; running auto (auto,"
                + " fast, java are)"), warnings);
    }

    @Test
    void anUnknownNameOnTheCommandLineIsAConfigErrorListingTheChoices() {
        ConfigException e = assertThrows(ConfigException.class, () -> backends("cuda", java()));
        assertEquals("--compute: no compute backend \"cuda\" is installed; choose one of: auto, java", e.getMessage());
    }

    @Test
    void theSharedBackendIsOpenedOncePerName() {
        ComputeBackends b = backends(null, java());
        assertSame(b.shared("java"), b.shared("java"));
        assertInstanceOf(AutoBackend.class, b.shared("auto"));
        b.close();
    }
}
