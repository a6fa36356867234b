package dev.plugnet.compute.java;

import dev.plugnet.api.ComputeBackend;
import dev.plugnet.api.ComputeContext;
import dev.plugnet.api.ComputeProvider;

/**
 * The {@code java} compute backend: pure Java, always loads, runs every product {@code auto} gives no other
 * backend (small ones, where a native call's set-up costs more than the arithmetic).
 */
public final class JavaComputeProvider implements ComputeProvider {
    /** The backend's name. */
    public static final String NAME = "java";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Packed, vectorised pure-Java kernels, large products split by row chunks across plugnet's"
                + " threads; always available.";
    }

    @Override
    public ComputeBackend open(ComputeContext context) {
        return new JavaBackend(context.threads());
    }

    /** @return 0: {@code auto} runs on {@code java} whatever no other backend takes */
    @Override
    public long autoFrom() {
        return 0;
    }
}
