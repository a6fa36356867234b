/**
 * The {@code openblas} compute backend: OpenBLAS (bytedeco's build, the native library inside the platform
 * jar, nothing to install) called single-threaded on chunks of the output from plugnet's own
 * {@link dev.plugnet.compute.java.rows.RowWorkers}. Where the native library cannot load (another platform),
 * the backend refuses to open and plugnet runs {@code java}.
 */
module dev.plugnet.compute.openblas {
    requires dev.plugnet.api;
    requires dev.plugnet.compute.java;
    requires org.bytedeco.javacpp;
    requires org.bytedeco.openblas;
    requires dev.ludovic.netlib.blas;
    requires java.logging;
    // the native libraries: resolved with the backend so that JavaCPP's loader finds them on the module path
    requires org.bytedeco.javacpp.linux.x86_64;
    requires org.bytedeco.openblas.linux.x86_64;

    provides dev.plugnet.api.ComputeProvider with dev.plugnet.compute.openblas.OpenBlasComputeProvider;
}
