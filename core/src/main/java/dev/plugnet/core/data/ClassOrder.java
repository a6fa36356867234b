package dev.plugnet.core.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a classifier's classes, which is the order of its outputs, its probability columns and its
 * tables: numbers numerically when every class name is a number, otherwise by Unicode code point. The order
 * depends only on which names occur, never on the order of the rows, so every split of the same data gives the
 * same classes in the same order.
 */
public final class ClassOrder {
    private ClassOrder() {
    }

    /** @return the names sorted: numerically when all are numbers (ties by text), else by Unicode code point */
    public static List<String> sorted(Collection<String> names) {
        List<String> out = new ArrayList<>(names);
        boolean numbers = out.stream().allMatch(ClassOrder::isNumber);
        Comparator<String> byCodePoint = ClassOrder::compareCodePoints;
        out.sort(numbers ? Comparator.comparing((String n) -> new BigDecimal(n)).thenComparing(byCodePoint) : byCodePoint);
        return out;
    }

    /**
     * @param names the classes, in order
     * @param positive the class named positive, or {@code null} for the default, the second class (with classes
     *        0 and 1, class 1; with {@code no} and {@code yes}, {@code yes})
     * @return the index of the positive class of a two-class problem, or -1 for more than two classes
     */
    public static int positiveIndex(List<String> names, String positive) {
        if (names.size() != 2) {
            return -1;
        }
        return positive == null ? 1 : names.indexOf(positive);
    }

    static boolean isNumber(String s) {
        if (!s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return false;
        }
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
