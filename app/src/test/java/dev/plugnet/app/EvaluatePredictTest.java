package dev.plugnet.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code evaluate} and {@code predict} on a checkpoint trained by {@code train}, through the command line. */
class EvaluatePredictTest {
    @TempDir
    static Path dir;

    private static Path model;

    @BeforeAll
    static void train() {
        model = dir.resolve("iris.json");
        assertEquals(0, Cli.run("train", "--config", "iris", "--out", model.toString()).code());
    }

    @Test
    void evaluatePrintsAccuracyPerClassFiguresAndTheConfusionMatrixWithClassNames() {
        Cli.Result r = Cli.run("evaluate", "--model", model.toString(), "--data", "iris");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("iris.csv (bundled): accuracy 9"), r.out());
        assertTrue(r.out().contains("of 150 rows"), r.out());
        assertTrue(r.out().matches("(?s).*setosa +1\\.000 +1\\.000 +1\\.000 +50.*"), r.out());
        assertTrue(r.out().contains("confusion matrix (rows: actual, columns: predicted)"), r.out());
        assertTrue(r.out().matches("(?s).*\\s+setosa\\s+versicolor\\s+virginica\\n.*"), r.out());
    }

    @Test
    void evaluateJsonAgreesWithItsCounts() {
        Cli.Result r = Cli.run("evaluate", "--model", model.toString(), "--data", "iris", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode report = JsonMapper.builder().build().readTree(r.out());
        JsonNode counts = report.get("confusion_matrix").get("counts");
        int correct = 0;
        int total = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                total += counts.get(i).get(j).intValue();
                correct += i == j ? counts.get(i).get(j).intValue() : 0;
            }
        }
        assertEquals(150, total);
        assertEquals((double) correct / total, report.get("accuracy").doubleValue(), 1e-15);
        assertTrue(report.get("accuracy").doubleValue() > 0.93);
        assertEquals(List.of("setosa", "versicolor", "virginica"),
                report.get("confusion_matrix").get("labels").valueStream().map(JsonNode::stringValue).toList());
    }

    @Test
    void predictWritesTheClassAndEveryProbabilityPerRowIgnoringTheLabelColumn() throws IOException {
        Path data = Files.writeString(dir.resolve("new.csv"),
                "petal_width_cm,petal_length_cm,sepal_width_cm,sepal_length_cm\n0.2,1.4,3.5,5.1\n2.3,5.4,3.4,6.2\n");
        Path out = dir.resolve("predictions.csv");
        Cli.Result r = Cli.run("predict", "--model", model.toString(), "--data", data.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("row,predicted,p_setosa,p_versicolor,p_virginica", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("1,setosa,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("2,virginica,"), lines.get(2));
        String[] cells = lines.get(1).split(",");
        double sum = Double.parseDouble(cells[2]) + Double.parseDouble(cells[3]) + Double.parseDouble(cells[4]);
        assertEquals(1.0, sum, 1e-5);

        Cli.Result labelled = Cli.run("predict", "--model", model.toString(), "--data", "iris");
        assertEquals(0, labelled.code(), labelled.err());
        assertEquals(151, labelled.out().lines().count(), "a header and one line per row; the label column is ignored");
    }

    @Test
    void eachCommandHasHelp() {
        for (String command : new String[] {"evaluate", "predict", "explain", "gradcheck", "train"}) {
            Cli.Result r = Cli.run(command, "--help");
            assertEquals(0, r.code(), command);
            assertTrue(r.out().contains("Usage: plugnet " + command), r.out());
            assertTrue(r.out().contains("Exit codes:"), r.out());
        }
    }

    @Test
    void predictedProbabilitiesReadBackAsExactlyTheNetworksDoubles() throws IOException {
        Path out = dir.resolve("all.csv");
        assertEquals(0, Cli.run("predict", "--model", model.toString(), "--data", "iris", "--out", out.toString()).code());
        List<String> lines = Files.readAllLines(out);
        // the same rows through the model in-process: every cell must parse to the very same double
        dev.plugnet.core.Plugnet plugnet = dev.plugnet.core.Plugnet.boot();
        var loaded = plugnet.load(model);
        var table = DataArgument.read("iris", new dev.plugnet.core.data.CsvTableReader());
        var p = loaded.predictProbabilities(new dev.plugnet.core.data.DatasetReader().unlabelled(table,
                loaded.preprocessing()));
        for (int i = 0; i < p.rows(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int k = 0; k < 3; k++) {
                assertEquals(Double.doubleToLongBits(p.get(i, k)), Double.doubleToLongBits(Double.parseDouble(cells[2 + k])),
                        "row " + (i + 1) + ": " + cells[2 + k]);
            }
        }
    }

    @Test
    void evaluateWritesTheMisclassifiedRowsWithTheirProbabilities() throws IOException {
        Path wrong = dir.resolve("wrong.csv");
        Cli.Result r = Cli.run("evaluate", "--model", model.toString(), "--data", "iris", "--json",
                "--misclassified", wrong.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode report = JsonMapper.builder().build().readTree(r.out());
        int errors = 150 - (int) Math.round(report.get("accuracy").doubleValue() * 150);
        List<String> lines = Files.readAllLines(wrong);
        assertEquals("row,predicted,actual,p_setosa,p_versicolor,p_virginica", lines.get(0));
        assertEquals(errors, lines.size() - 1, "one line per row it got wrong");
        assertTrue(r.err().contains("misclassified: " + errors + " rows written to " + wrong), r.err());
        List<String> iris = DataArgument.read("iris", new dev.plugnet.core.data.CsvTableReader()).rows().stream()
                .map(row -> row[4]).toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            int row = Integer.parseInt(cells[0]);
            assertEquals(iris.get(row - 1), cells[2], "the actual class is the data row's label");
            assertTrue(!cells[1].equals(cells[2]), line);
            double[] probabilities = {Double.parseDouble(cells[3]), Double.parseDouble(cells[4]), Double.parseDouble(cells[5])};
            int predicted = List.of("setosa", "versicolor", "virginica").indexOf(cells[1]);
            for (double v : probabilities) {
                assertTrue(v <= probabilities[predicted], "the predicted class is the most probable: " + line);
            }
        }
    }
}
