package dev.plugnet.spark;

/**
 * A plugnet problem met on Spark, on the driver or on an executor: one message that says where (a column, a
 * JSON path, an executor) and what was expected. It is serialisable, so an executor's reaches the driver whole.
 */
public final class PlugnetSparkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param where where the problem is, for example {@code column "age"} or {@code executor 1}
     * @param problem what is wrong and what was expected
     */
    public PlugnetSparkException(String where, String problem) {
        super(where + ": " + problem);
    }

    PlugnetSparkException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @return the plugnet problem inside a failed Spark job ({@code SparkException} wraps an executor's), as one
     *         exception whose message is the executor's, or {@code failure} itself when it holds none
     */
    static RuntimeException unwrap(Exception failure) {
        String marker = PlugnetSparkException.class.getName() + ": ";
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PlugnetSparkException p) {
                return t == failure ? p : new PlugnetSparkException(p.getMessage(), failure);
            }
            // a task's failure reaches the driver as text inside Spark's message when its exception is not kept
            String message = t.getMessage();
            int at = message == null ? -1 : message.indexOf(marker);
            if (at >= 0) {
                String rest = message.substring(at + marker.length());
                int end = rest.indexOf('\n');
                return new PlugnetSparkException((end < 0 ? rest : rest.substring(0, end)).strip(), failure);
            }
        }
        return failure instanceof RuntimeException r ? r : new PlugnetSparkException("Spark: " + failure.getMessage(),
                failure);
    }
}
