package dev.plugnet.core.model;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.plugnet.api.ConfigException;
import dev.plugnet.core.Plugnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON Schema of the model format, checked with a maintained validator (networknt, draft 2020-12). */
class ModelSchemaTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    private final Plugnet plugnet = Plugnet.boot();
    private final ObjectNode schemaNode = ModelSchema.of(plugnet.registry());
    private final Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(schemaNode);

    private List<Error> validate(String json) {
        return schema.validate(plugnet.json().readTree(json));
    }

    /** @return a validator's instance location in plugnet's path form: {@code layers[0].units} */
    static String plugnetPath(NodePath location) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(element);
            }
        }
        return sb.toString();
    }

    @Test
    void everyBundledExampleIsValidAgainstTheSchemaAndAssembles() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            examples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(examples.isEmpty());
        for (Path example : examples) {
            JsonNode config = plugnet.json().readTree(Files.readString(example));
            assertEquals(List.of(), schema.validate(config), example.toString());
            plugnet.assemble(example);
        }
    }

    @Test
    void isDraft202012WithOneSchemaPerInstalledLayerToldApartByTypeConst() {
        assertEquals("https://json-schema.org/draft/2020-12/schema", schemaNode.get("$schema").stringValue());
        JsonNode defs = schemaNode.get("$defs");
        assertEquals("#/$defs/layer.dense", defs.get("layer").get("oneOf").get(0).get("$ref").stringValue());
        JsonNode dense = defs.get("layer.dense");
        assertEquals("dense", dense.get("properties").get("type").get("const").stringValue());
        assertEquals(List.of("type", "units"), List.of(dense.get("required").get(0).stringValue(),
                dense.get("required").get(1).stringValue()));
        assertEquals(1, dense.get("properties").get("units").get("minimum").intValue());
        assertEquals("xavier", dense.get("properties").get("init").get("default").stringValue());
        assertEquals(3, dense.get("properties").get("init").get("enum").size());
        assertTrue(defs.has("optimizer.adam") && defs.has("loss.cross_entropy") && defs.has("activation.softmax"));
    }

    @Test
    void theTopLevelAndTrainingFieldsAreExactlyThoseTheReaderAccepts() {
        assertEquals(new TreeSet<>(ModelReader.MODEL_FIELDS),
                new TreeSet<>(schemaNode.get("properties").propertyNames()));
        assertEquals(new TreeSet<>(ModelReader.TRAINING_FIELDS), new TreeSet<>(ModelSchema.trainingFields(schemaNode)));
        Set<String> scheduleFields = new TreeSet<>();
        schemaNode.get("$defs").get("training").get("properties").get("schedule").get("oneOf")
                .forEach(s -> scheduleFields.addAll(s.get("properties").propertyNames()));
        assertEquals(new TreeSet<>(ModelReader.SCHEDULE_FIELDS), scheduleFields);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "layers[1].units | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 4, \"activation\": \"sigmoid\"}, {\"type\": \"dense\", \"units\": -3, \"activation\": \"softmax\"}], \"loss\": \"cross_entropy\"}",
        "layers[0].init | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 3, \"init\": \"random\", \"activation\": \"softmax\"}], \"loss\": \"cross_entropy\"}",
        "layers[0].bias | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 3, \"bias\": \"yes\", \"activation\": \"softmax\"}], \"loss\": \"cross_entropy\"}",
        "optimizer.learning_rate | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 3, \"activation\": \"softmax\"}], \"loss\": \"cross_entropy\", \"optimizer\": {\"type\": \"adam\", \"learning_rate\": -0.1}}",
        "optimizer.beta2 | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 3, \"activation\": \"softmax\"}], \"loss\": \"cross_entropy\", \"optimizer\": {\"type\": \"adam\", \"beta2\": 1.0}}",
        "optimizer.momentum | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 3, \"activation\": \"softmax\"}], \"loss\": \"cross_entropy\", \"optimizer\": {\"type\": \"momentum\", \"momentum\": 1.5}}",
        "training.epochs | {\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"units\": 3, \"activation\": \"softmax\"}], \"loss\": \"cross_entropy\", \"training\": {\"epochs\": 0}}"
    })
    void aWrongOptionFailsTheSchemaAndPlugnetAtTheSamePath(String path, String json) {
        List<Error> errors = validate(json);
        assertFalse(errors.isEmpty(), "the schema accepted it");
        List<String> schemaPaths = errors.stream().map(e -> plugnetPath(e.getInstanceLocation())).toList();
        ConfigException e = assertThrows(ConfigException.class, () -> plugnet.assemble(plugnet.reader().read(json)));
        assertEquals(path, e.location(), e.getMessage());
        assertTrue(schemaPaths.contains(path), "schema errors at " + schemaPaths + ": " + errors);
    }

    @Test
    void anUnknownOptionFailsTheSchemaAtItsObjectAndPlugnetAtTheOption() {
        String json = "{\"inputs\": 5, \"layers\": [{\"type\": \"dense\", \"unit\": 3}], \"loss\": \"mse\"}";
        List<Error> errors = validate(json);
        assertTrue(errors.stream().anyMatch(e -> plugnetPath(e.getInstanceLocation()).equals("layers[0]")
                && "unit".equals(e.getProperty())), errors.toString());
        ConfigException e = assertThrows(ConfigException.class, () -> plugnet.assemble(plugnet.reader().read(json)));
        assertEquals("layers[0].unit", e.location());
    }

    @Test
    void anActivationByNameOrWithOptionsIsValid() {
        assertEquals(List.of(), validate("{\"inputs\": 2, \"layers\": [{\"type\": \"dense\", \"units\": 3,"
                + " \"activation\": {\"type\": \"leaky_relu\", \"slope\": 0.1}}, {\"type\": \"dense\", \"units\": 2,"
                + " \"activation\": \"softmax\"}], \"loss\": {\"type\": \"cross_entropy\"}, \"optimizer\": \"adam\"}"));
        assertFalse(validate("{\"inputs\": 2, \"layers\": [{\"type\": \"dense\", \"units\": 3,"
                + " \"activation\": \"sigmoidal\"}], \"loss\": \"mse\"}").isEmpty());
    }
}
