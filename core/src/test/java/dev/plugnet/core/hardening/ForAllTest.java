package dev.plugnet.core.hardening;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForAllTest {
    private static List<Long> drawn(String property, long seed) {
        List<Long> out = new ArrayList<>();
        ForAll.check(property, seed, 50, Generator.anyLong(), out::add);
        return out;
    }

    @Test
    void theSameSeedDrawsTheSameInputsInTheSameOrder() {
        assertEquals(drawn("p", 42), drawn("p", 42));
        assertEquals(50, drawn("p", 42).size());
    }

    @Test
    void anotherSeedOrAnotherPropertyDrawsOtherInputs() {
        assertNotEquals(drawn("p", 42), drawn("p", 43));
        assertNotEquals(drawn("p", 42), drawn("q", 42));
    }

    @Test
    void aFailureNamesTheSeedTheTryAndTheInput() {
        AssertionError e = assertThrows(AssertionError.class, () -> ForAll.check("digits", 42, 1_000,
                Generator.ints(0, 9), digit -> assertNotEquals(3, digit)));
        assertTrue(e.getMessage().startsWith("digits failed on try "), e.getMessage());
        assertTrue(e.getMessage().contains("reproduce with -Dplugnet.seed=42"), e.getMessage());
        assertTrue(e.getMessage().contains("the input: 3"), e.getMessage());
    }

    @Test
    void anExceptionThatEscapesTheCheckFailsThePropertyToo() {
        AssertionError e = assertThrows(AssertionError.class, () -> ForAll.check("escape", 1, 10,
                Generator.constant("x"), x -> {
                    throw new IllegalStateException("escaped");
                }));
        assertTrue(e.getMessage().contains("try 1 of 10"), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException);
    }

    @Test
    void integersStayWithinTheirBoundsAndReachBoth() {
        List<Integer> seen = new ArrayList<>();
        ForAll.check("bounds", 7, 2_000, Generator.ints(-2, 2), seen::add);
        assertTrue(seen.stream().allMatch(i -> i >= -2 && i <= 2));
        assertTrue(seen.contains(-2) && seen.contains(2));
    }
}
