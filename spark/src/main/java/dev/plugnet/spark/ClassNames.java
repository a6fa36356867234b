package dev.plugnet.spark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a model's classes and what its {@code prediction} column holds. Classes found in a DataFrame are
 * sorted: numerically when every label is a number, else alphabetically (a stable order whatever the
 * partitioning). When every class name is a number the prediction is that number, so a numeric label column
 * and the prediction compare directly (as Spark's evaluators expect); otherwise it is the class's index.
 */
final class ClassNames {
    private ClassNames() {
    }

    static List<String> sorted(Collection<String> labels) {
        List<String> out = new ArrayList<>(labels);
        if (out.stream().allMatch(ClassNames::numeric)) {
            out.sort(Comparator.comparingDouble(Double::parseDouble));
        } else {
            out.sort(Comparator.naturalOrder());
        }
        return out;
    }

    /** @return the prediction value of each class: its number when all are numbers, else its index */
    static double[] predictionValues(List<String> classes) {
        boolean numbers = classes.stream().allMatch(ClassNames::numeric);
        double[] v = new double[classes.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = numbers ? Double.parseDouble(classes.get(k)) : k;
        }
        return v;
    }

    private static boolean numeric(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
