/**
 * A program that embeds plugnet: it needs only plugnet's core (and, through it, the api). The plugins — dense,
 * sigmoid, softmax, cross_entropy, adam, the java compute backend — are on the module path and found by
 * ServiceLoader, never compiled against.
 */
module com.example.embedding {
    requires dev.plugnet.core;
}
