/**
 * The {@code java} compute backend: packed, vectorised pure-Java kernels whose large products are split by
 * chunks of output rows across plugnet's own threads. It always loads, so it is the fallback of every other
 * backend. Package {@code dev.plugnet.compute.java.rows} (the row-chunk workers) is exported for other
 * backends that split their products the same way.
 */
module dev.plugnet.compute.java {
    requires dev.plugnet.api;

    exports dev.plugnet.compute.java.rows;

    provides dev.plugnet.api.ComputeProvider with dev.plugnet.compute.java.JavaComputeProvider;
}
