package dev.plugnet.core;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained model's answer for one row: the most probable class (the first on ties) and every class's
 * probability.
 *
 * @param classIndex the predicted class, an index into {@code classNames}
 * @param className the predicted class's name
 * @param classNames the model's classes, in output order
 * @param probabilities one probability per class, in the order of {@code classNames} (a copy is kept and given)
 */
public record Prediction(int classIndex, String className, List<String> classNames, double[] probabilities) {
    public Prediction {
        classNames = List.copyOf(classNames);
        probabilities = probabilities.clone();
        if (probabilities.length != classNames.size()) {
            throw new IllegalArgumentException("one probability per class");
        }
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /**
     * @return the probability of the class named {@code name}
     * @throws IllegalArgumentException if the model has no such class
     */
    public double probability(String name) {
        int k = classNames.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("no class \"" + name + "\"; the classes are " + classNames);
        }
        return probabilities[k];
    }

    /** @return each class's probability by name, in output order */
    public Map<String, Double> scores() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < probabilities.length; k++) {
            out.put(classNames.get(k), probabilities[k]);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p && p.classIndex == classIndex && p.className.equals(className)
                && p.classNames.equals(classNames) && Arrays.equals(p.probabilities, probabilities);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * classIndex + classNames.hashCode()) + Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return "Prediction[" + className + ", " + scores() + "]";
    }
}
