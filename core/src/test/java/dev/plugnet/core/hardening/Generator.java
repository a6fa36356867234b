package dev.plugnet.core.hardening;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A source of generated test inputs: each call draws one value from the random stream it is given, so the same
 * seed gives the same values. The factories mix a few edge values (0, ±1, the extremes) into the numbers, the
 * way a property-testing library does.
 *
 * @param <T> the generated type
 */
@FunctionalInterface
interface Generator<T> {
    /** One in this many numbers is an edge value. */
    int EDGE_ONE_IN = 16;

    T next(RandomGenerator random);

    default <R> Generator<R> map(Function<? super T, ? extends R> f) {
        return random -> f.apply(next(random));
    }

    /** @return lists of {@code min} to {@code max} (inclusive) elements of this generator */
    default Generator<List<T>> list(int min, int max) {
        return random -> {
            int size = min + random.nextInt(max - min + 1);
            List<T> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(next(random));
            }
            return out;
        };
    }

    /** @return one of the given values, each as likely */
    @SafeVarargs
    static <T> Generator<T> of(T... values) {
        List<T> copy = List.of(values);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    /** @return a value of one of the given generators, each as likely */
    @SafeVarargs
    static <T> Generator<T> oneOf(Generator<? extends T>... generators) {
        List<Generator<? extends T>> copy = List.of(generators);
        return random -> copy.get(random.nextInt(copy.size())).next(random);
    }

    /** A generator with its weight, for {@link #frequency}. */
    record Weighted<T>(int weight, Generator<? extends T> generator) {
    }

    static <T> Weighted<T> weight(int weight, Generator<? extends T> generator) {
        return new Weighted<>(weight, generator);
    }

    /** @return a value of one of the given generators, chosen in proportion to its weight */
    @SafeVarargs
    static <T> Generator<T> frequency(Weighted<T>... choices) {
        List<Weighted<T>> copy = List.of(choices);
        int total = copy.stream().mapToInt(Weighted::weight).sum();
        return random -> {
            int pick = random.nextInt(total);
            for (Weighted<T> w : copy) {
                pick -= w.weight();
                if (pick < 0) {
                    return w.generator().next(random);
                }
            }
            throw new AssertionError("weights sum to " + total);
        };
    }

    static <T> Generator<T> constant(T value) {
        return random -> value;
    }

    /** @return integers in {@code [min, max]}, the bounds among the edge values */
    static Generator<Integer> ints(int min, int max) {
        return random -> random.nextInt(EDGE_ONE_IN) == 0 ? (random.nextBoolean() ? min : max)
                : (int) random.nextLong(min, (long) max + 1);
    }

    /** @return any int, with 0, ±1 and the extremes among the edge values */
    static Generator<Integer> anyInt() {
        Generator<Integer> edges = of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return random -> random.nextInt(EDGE_ONE_IN) == 0 ? edges.next(random) : random.nextInt();
    }

    /** @return any long, with 0, ±1 and the extremes among the edge values */
    static Generator<Long> anyLong() {
        Generator<Long> edges = of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE);
        return random -> random.nextInt(EDGE_ONE_IN) == 0 ? edges.next(random) : random.nextLong();
    }

    /**
     * @return finite doubles of every magnitude (a random exponent, as well as small values with two decimals),
     *         with 0, −0, ±1, the smallest and the largest among the edge values
     */
    static Generator<Double> anyFiniteDouble() {
        Generator<Double> edges = of(0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                Double.MAX_VALUE, -Double.MAX_VALUE);
        return random -> switch (random.nextInt(EDGE_ONE_IN)) {
            case 0 -> edges.next(random);
            case 1, 2, 3, 4, 5, 6, 7 -> Math.round(random.nextDouble(-1000, 1000) * 100) / 100.0;
            default -> {
                double d;
                do {
                    d = Double.longBitsToDouble(random.nextLong());
                } while (!Double.isFinite(d));
                yield d;
            }
        };
    }

    static Generator<Boolean> booleans() {
        return RandomGenerator::nextBoolean;
    }

    /** @return any char (surrogate halves and control characters included) */
    static Generator<Character> anyChar() {
        return random -> (char) random.nextInt(Character.MAX_VALUE + 1);
    }

    static Generator<Byte> anyByte() {
        return random -> (byte) random.nextInt(256);
    }

    /** @return byte arrays of up to {@code maxLength} random bytes */
    static Generator<byte[]> bytes(int maxLength) {
        return random -> {
            byte[] out = new byte[random.nextInt(maxLength + 1)];
            random.nextBytes(out);
            return out;
        };
    }

    /** @return strings of up to {@code maxLength} characters of {@code chars} */
    static Generator<String> strings(Generator<Character> chars, int minLength, int maxLength) {
        return chars.list(minLength, maxLength).map(list -> {
            StringBuilder s = new StringBuilder(list.size());
            list.forEach(s::append);
            return s.toString();
        });
    }

    /** @return strings of up to {@code maxLength} of any characters */
    static Generator<String> strings(int maxLength) {
        return strings(anyChar(), 0, maxLength);
    }

    /** @return strings of {@code minLength} to {@code maxLength} ASCII letters */
    static Generator<String> letters(int minLength, int maxLength) {
        Generator<Character> letter = random -> {
            int i = random.nextInt(52);
            return (char) (i < 26 ? 'a' + i : 'A' + i - 26);
        };
        return strings(letter, minLength, maxLength);
    }

    /**
     * @return values nested up to {@code depth} levels: at each level a leaf from {@code leaves} or, with
     *         probability one half, a container that {@code nest} builds from the next level's generator
     */
    static <T> Generator<T> recursive(Generator<T> leaves, Function<Generator<T>, Generator<T>> nest, int depth) {
        if (depth == 0) {
            return leaves;
        }
        Supplier<Generator<T>> inner = () -> recursive(leaves, nest, depth - 1);
        Generator<T> container = nest.apply(inner.get());
        return random -> random.nextBoolean() ? leaves.next(random) : container.next(random);
    }
}
