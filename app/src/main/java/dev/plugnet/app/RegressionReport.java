package dev.plugnet.app;

import dev.plugnet.core.metrics.RegressionEvaluation;
import dev.plugnet.core.metrics.RegressionMetrics;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * How a regression did on some rows: MAE, RMSE and R² in the targets' own units (averaged over the targets
 * with equal weights when there are several) and the loss on the standardised targets.
 *
 * @param title what the rows are, for example {@code held-out test}
 * @param targets the target columns
 * @param evaluation what core measured
 */
record RegressionReport(String title, List<String> targets, RegressionEvaluation evaluation) implements HeldOutReport {

    @Override
    public void print(PrintWriter out) {
        RegressionMetrics m = evaluation.metrics();
        out.printf(Locale.ROOT, "%s: MAE %s, RMSE %s, R² %.4f (%d rows, target%s %s), loss %.4f on the standardised"
                        + " targets%n", title, number(m.mae()), number(m.rmse()), m.r2(), m.rows(),
                targets.size() == 1 ? "" : "s averaged", String.join(", ", targets), evaluation.loss());
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6 ? "%.4f" : "%.4e", v);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        RegressionMetrics m = evaluation.metrics();
        node.put("task", "regression");
        node.put("rows", m.rows());
        ArrayNode t = node.putArray("targets");
        targets.forEach(t::add);
        node.put("mae", m.mae());
        node.put("rmse", m.rmse());
        node.put("r2", m.r2());
        node.put("loss", evaluation.loss());
        return node;
    }
}
