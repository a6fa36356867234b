package dev.plugnet.optimizers;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The raw element arrays of an optimizer's parameters, taken once: {@link Parameter} keeps its value and
 * gradient matrices for life, so a step can loop over plain arrays without touching lists or iterators.
 */
final class ParameterArrays {
    final double[][] values;
    final double[][] gradients;
    final boolean[] decayed;

    ParameterArrays(List<Parameter> parameters) {
        int n = parameters.size();
        values = new double[n][];
        gradients = new double[n][];
        decayed = new boolean[n];
        for (int i = 0; i < n; i++) {
            Parameter p = parameters.get(i);
            values[i] = p.value().data();
            gradients[i] = p.gradient().data();
            decayed[i] = p.decayed();
        }
    }

    /** @return the number of parameters */
    int size() {
        return values.length;
    }

    /** @return one zero matrix per parameter, shaped like its value (for per-parameter optimizer state) */
    static List<Matrix> zerosLike(List<Parameter> parameters) {
        List<Matrix> result = new ArrayList<>(parameters.size());
        for (Parameter p : parameters) {
            result.add(Matrix.zeros(p.value().rows(), p.value().cols()));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * Puts {@code matrices} into {@code state} as {@code prefix[0]}, {@code prefix[1]}, …, in order, for
     *         {@link dev.plugnet.api.Optimizer#state()}
     */
    static void putIndexed(java.util.Map<String, Matrix> state, String prefix, List<Matrix> matrices) {
        for (int i = 0; i < matrices.size(); i++) {
            state.put(prefix + "[" + i + "]", matrices.get(i));
        }
    }

    /** @return the element arrays of {@code matrices}, in order */
    static double[][] dataOf(List<Matrix> matrices) {
        double[][] result = new double[matrices.size()][];
        for (int i = 0; i < result.length; i++) {
            result[i] = matrices.get(i).data();
        }
        return result;
    }
}
