package dev.plugnet.spark;

import dev.plugnet.core.Plugnet;
import dev.plugnet.core.checkpoint.Checkpoint;
import dev.plugnet.core.checkpoint.CheckpointReader;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Spark example, statement for statement (the README's block must equal the marked lines below,
 * but for where the files are), run on {@code local[2]}.
 */
@ExtendWith(LocalSpark.class)
class SparkReadmeExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/dev/plugnet/spark/SparkReadmeExampleTest.java");

    @Test
    void theReadmeExampleRunsAsWritten(LocalSpark.Session s) throws Exception {
        String repo = Path.of("..").toAbsolutePath().normalize() + "/";
        String work = s.work + "/";
        Files.createDirectories(Path.of(work, "runs"));
        // README:begin
        SparkSession spark = SparkSession.builder().master("local[2]").getOrCreate();
        String examples = repo + "app/src/main/resources/dev/plugnet/app/examples/";
        Dataset<Row> data = spark.read().option("header", "true").option("inferSchema", "true")
                .csv(examples + "new-thyroid.csv");
        String[] features = {"t3_resin_uptake", "total_thyroxin", "total_triiodothyronine", "basal_tsh", "tsh_response"};

        PlugnetClassifier plugnet = new PlugnetClassifier()
                .setModel(examples + "thyroid-5-4-3.json")   // plugnet's model JSON: a path, or the text itself
                .setLabelCol("diagnosis")                     // class labels: strings or numbers
                .setTrainingMode("averaging")                 // or "synchronous"
                .setEpochs(50);                               // else the model's training section decides
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {
                new VectorAssembler().setInputCols(features).setOutputCol("features"), plugnet}).fit(data);

        model.transform(data).select("diagnosis", "prediction", "predictedLabel", "probability").show(5);
        model.write().overwrite().save(work + "runs/thyroid-spark");           // a Spark ML model folder …
        PlugnetClassificationModel trained = (PlugnetClassificationModel) model.stages()[1];
        trained.saveCheckpoint(java.nio.file.Path.of(work + "runs/thyroid-spark.json"));   // … and a plugnet checkpoint
        // README:end

        Plugnet library = Plugnet.boot();
        Checkpoint c = new CheckpointReader(library.json(), library.reader()).read(Path.of(work,
                "runs/thyroid-spark.json"));
        assertEquals(List.of("hyper", "hypo", "normal"), c.preprocessing().labelNames());
        assertTrue(PipelineModel.load(work + "runs/thyroid-spark").stages()[1] instanceof PlugnetClassificationModel);
        double accuracy = (double) model.transform(data).filter("predictedLabel = diagnosis").count() / data.count();
        assertTrue(accuracy > 0.9, "accuracy " + accuracy);
    }

    @Test
    void theReadmeShowsTheseStatements() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher block = Pattern.compile("```java\n(import dev\\.plugnet\\.spark.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "the README's Spark example");
        String shown = block.group(1).lines().filter(l -> !l.startsWith("import ")).dropWhile(String::isBlank)
                .reduce("", (a, b) -> a + b.strip() + "\n");
        String source = Files.readString(SOURCE);
        String marked = source.substring(source.indexOf("// README:begin") + "// README:begin".length(),
                source.indexOf("        // README:end"));
        String run = marked.lines().dropWhile(String::isBlank).map(l -> l.strip().replace("repo + ", "")
                .replace("work + ", "")).reduce("", (a, b) -> a + b + "\n");
        assertEquals(shown, run);
    }
}
