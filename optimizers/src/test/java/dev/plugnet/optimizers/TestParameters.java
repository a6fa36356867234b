package dev.plugnet.optimizers;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.Parameter;

/** Small parameters with a preset gradient, for checking single optimizer steps by hand. */
final class TestParameters {
    private TestParameters() {
    }

    /** @return a parameter holding {@code value} whose gradient is {@code gradient} */
    static Parameter with(String name, boolean decayed, double[] value, double[] gradient) {
        Parameter p = new Parameter(name, Matrix.row(value), decayed);
        p.gradient().copyFrom(Matrix.row(gradient));
        return p;
    }

    /** A decayed weight. */
    static Parameter weight(double value, double gradient) {
        return with("W", true, new double[] {value}, new double[] {gradient});
    }

    /** A bias, which weight decay leaves alone. */
    static Parameter bias(double value, double gradient) {
        return with("b", false, new double[] {value}, new double[] {gradient});
    }

    static double valueOf(Parameter p) {
        return p.value().get(0, 0);
    }
}
