package dev.plugnet.app;

import dev.plugnet.core.metrics.BinaryRanking;
import dev.plugnet.core.metrics.ClassMetrics;
import dev.plugnet.core.metrics.ClassifierEvaluation;
import dev.plugnet.core.metrics.ConfusionMatrix;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * How a classifier did on some rows, for people (accuracy, the averaged F1s, balanced accuracy, for two
 * classes ROC-AUC and PR-AUC, a per-class table, the confusion matrix with class names) and for scripts (JSON).
 *
 * @param title what the rows are, for example {@code held-out test}
 * @param evaluation what core measured
 */
record EvaluationReport(String title, ClassifierEvaluation evaluation) implements HeldOutReport {

    @Override
    public void print(PrintWriter out) {
        ConfusionMatrix confusion = evaluation.confusion();
        int n = confusion.total();
        int correct = (int) Math.round(confusion.accuracy() * n);
        out.printf(Locale.ROOT, "%s: accuracy %.1f%% (%d of %d rows), loss %.4f%n", title,
                100 * confusion.accuracy(), correct, n, evaluation.loss());
        out.printf(Locale.ROOT, "  macro F1 %.3f (over the classes present in the truth or the predictions),"
                + " weighted F1 %.3f, balanced accuracy %.3f%n", confusion.macroF1(), confusion.weightedF1(),
                confusion.balancedAccuracy());
        BinaryRanking ranking = evaluation.ranking();
        if (ranking != null) {
            out.printf(Locale.ROOT, "  positive class %s: ROC-AUC %.4f, PR-AUC (average precision) %.4f%n",
                    evaluation.positiveClass(), ranking.rocAuc(), ranking.averagePrecision());
        }
        List<String> labels = confusion.labels().stream().map(dev.plugnet.core.text.Printable::of).toList();
        int w = Math.max(9, labels.stream().mapToInt(String::length).max().orElse(5) + 2);
        out.printf(Locale.ROOT, "  %-" + w + "s %9s %9s %9s %9s%n", "class", "precision", "recall", "F1", "support");
        for (ClassMetrics c : confusion.perClass()) {
            out.printf(Locale.ROOT, "  %-" + w + "s %9.3f %9.3f %9.3f %9d%n", c.label(), c.precision(), c.recall(),
                    c.f1(), c.support());
        }
        out.printf(Locale.ROOT, "  confusion matrix (rows: actual, columns: predicted)%n");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-" + w + "s", ""));
        for (String label : labels) {
            head.append(String.format(Locale.ROOT, " %" + w + "s", label));
        }
        out.println(head);
        int[][] counts = confusion.counts();
        for (int i = 0; i < labels.size(); i++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-" + w + "s", labels.get(i)));
            for (int j = 0; j < labels.size(); j++) {
                row.append(String.format(Locale.ROOT, " %" + w + "d", counts[i][j]));
            }
            out.println(row);
        }
    }

    @Override
    public ObjectNode toJson() {
        ConfusionMatrix confusion = evaluation.confusion();
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode node = f.objectNode();
        node.put("rows", confusion.total());
        node.put("accuracy", confusion.accuracy());
        node.put("loss", evaluation.loss());
        node.put("macro_f1", confusion.macroF1());
        node.put("weighted_f1", confusion.weightedF1());
        node.put("balanced_accuracy", confusion.balancedAccuracy());
        if (evaluation.ranking() != null) {
            node.put("positive_class", evaluation.positiveClass());
            node.put("roc_auc", evaluation.ranking().rocAuc());
            node.put("pr_auc", evaluation.ranking().averagePrecision());
        }
        ArrayNode classes = node.putArray("classes");
        for (ClassMetrics c : confusion.perClass()) {
            ObjectNode row = classes.addObject();
            row.put("label", c.label());
            row.put("precision", c.precision());
            row.put("recall", c.recall());
            row.put("f1", c.f1());
            row.put("support", c.support());
        }
        ObjectNode cm = node.putObject("confusion_matrix");
        ArrayNode labels = cm.putArray("labels");
        confusion.labels().forEach(labels::add);
        ArrayNode counts = cm.putArray("counts");
        for (int[] row : confusion.counts()) {
            ArrayNode r = counts.addArray();
            for (int c : row) {
                r.add(c);
            }
        }
        return node;
    }
}
