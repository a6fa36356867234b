package dev.plugnet.core.reference;

import dev.plugnet.api.ConfigException;
import dev.plugnet.api.Matrix;
import dev.plugnet.core.json.JsonObjectReader;
import dev.plugnet.core.json.JsonValues;
import dev.plugnet.core.json.StrictJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads reference cases ({@code shared/fixtures/README.md} format). Every problem — a missing field, a ragged
 * row, a matrix of the wrong shape — is a {@link ConfigException} naming the file and the JSON path.
 */
public final class ReferenceCaseReader {
    private final ObjectMapper mapper;

    public ReferenceCaseReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param paths files, or folders whose {@code *.json} files are read (not recursively), in name order
     * @return the case files found
     * @throws ConfigException if a path does not exist or a folder holds no case
     */
    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> found = s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
                    if (found.isEmpty()) {
                        throw new ConfigException(p.toString(), "folder holds no *.json case");
                    }
                    files.addAll(found);
                } catch (IOException e) {
                    throw new ConfigException(p.toString(), "cannot be listed: " + e.getMessage());
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new ConfigException(p.toString(), "no such file or folder");
            }
        }
        return files;
    }

    /** Reads one case file. */
    public ReferenceCase read(Path file) {
        JsonNode root = StrictJson.readTree(mapper, file);
        try {
            return read(root, file.toString());
        } catch (ConfigException e) {
            throw new ConfigException(file + " " + e.location(), e.problem());
        }
    }

    /** Reads one case from a JSON tree. */
    public ReferenceCase read(JsonNode root, String source) {
        JsonObjectReader c = JsonObjectReader.of(root, "$");
        String name = c.string("name", source);
        List<Integer> sizes = new ArrayList<>();
        for (JsonObjectReader.Element e : c.requireArray("sizes", "a list of layer widths")) {
            if (!e.node().isIntegralNumber() || !e.node().canConvertToInt() || e.node().intValue() < 1) {
                throw new ConfigException(e.path(), "expected a positive integer, got " + JsonValues.describe(e.node()));
            }
            sizes.add(e.node().intValue());
        }
        if (sizes.size() < 2) {
            throw new ConfigException("sizes", "expected at least 2 widths (input and output), got " + sizes.size());
        }
        int layers = sizes.size() - 1;
        int batch = c.requireInteger("batch", 1);
        int k = sizes.get(layers);
        Matrix x = matrix(c, "x", batch, sizes.get(0));
        Matrix t = matrix(c, "t", batch, k);
        List<Matrix> w = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        List<JsonObjectReader.Element> wNodes = listOf(c, "W", layers);
        List<JsonObjectReader.Element> bNodes = listOf(c, "b", layers);
        for (int i = 0; i < layers; i++) {
            w.add(matrix(wNodes.get(i), sizes.get(i), sizes.get(i + 1)));
            b.add(vector(bNodes.get(i), sizes.get(i + 1)));
        }
        JsonObjectReader e = JsonObjectReader.of(c.require("expected", "an object of expected values"), "expected");
        JsonNode lossNode = e.require("loss", "a number");
        if (!lossNode.isNumber()) {
            throw new ConfigException("expected.loss", "expected a number, got " + JsonValues.describe(lossNode));
        }
        Matrix s = matrix(e, "s", batch, k);
        Matrix dLds = e.has("dL_ds") ? matrix(e, "dL_ds", batch, k) : null;
        int hidden = layers - 1;
        List<Matrix> pre = new ArrayList<>();
        List<Matrix> dpre = new ArrayList<>();
        List<Matrix> hiddenOut = new ArrayList<>();
        List<Matrix> dhidden = new ArrayList<>();
        List<Matrix> dW = new ArrayList<>();
        List<Matrix> db = new ArrayList<>();
        List<JsonObjectReader.Element> preNodes = listOf(e, "pre_activations", layers);
        List<JsonObjectReader.Element> dpreNodes = listOf(e, "dL_dpre", layers);
        List<JsonObjectReader.Element> dWNodes = listOf(e, "dL_dW", layers);
        List<JsonObjectReader.Element> dbNodes = listOf(e, "dL_db", layers);
        List<JsonObjectReader.Element> hNodes = listOf(e, "hidden_outputs", hidden);
        List<JsonObjectReader.Element> dhNodes = listOf(e, "dL_dhidden", hidden);
        for (int i = 0; i < layers; i++) {
            pre.add(matrix(preNodes.get(i), batch, sizes.get(i + 1)));
            dpre.add(matrix(dpreNodes.get(i), batch, sizes.get(i + 1)));
            dW.add(matrix(dWNodes.get(i), sizes.get(i), sizes.get(i + 1)));
            db.add(vector(dbNodes.get(i), sizes.get(i + 1)));
        }
        for (int i = 0; i < hidden; i++) {
            hiddenOut.add(matrix(hNodes.get(i), batch, sizes.get(i + 1)));
            dhidden.add(matrix(dhNodes.get(i), batch, sizes.get(i + 1)));
        }
        double[] classWeights = c.has("class_weights")
                ? numbers(c.get("class_weights"), c.path("class_weights"), k) : null;
        return new ReferenceCase(name, source, List.copyOf(sizes), c.requireString("hidden_activation"),
                c.requireString("output_activation"), c.requireString("loss"), x, t, w, b,
                new ReferenceCase.Expected(lossNode.doubleValue(), s, dLds, pre, hiddenOut, dpre, dhidden, dW, db),
                classWeights);
    }

    private static List<JsonObjectReader.Element> listOf(JsonObjectReader o, String field, int count) {
        List<JsonObjectReader.Element> list = o.requireArray(field, "a list of " + count);
        if (list.size() != count) {
            throw new ConfigException(o.path(field), "expected " + count + " entries (one per layer), got " + list.size());
        }
        return list;
    }

    private static Matrix matrix(JsonObjectReader o, String field, int rows, int cols) {
        return matrix(new JsonObjectReader.Element(o.require(field, "(" + rows + "×" + cols + ") rows of numbers"),
                o.path(field)), rows, cols);
    }

    private static Matrix matrix(JsonObjectReader.Element e, int rows, int cols) {
        JsonNode node = e.node();
        if (!node.isArray() || node.size() != rows) {
            throw new ConfigException(e.path(), "expected " + rows + " rows of " + cols + " numbers, got "
                    + JsonValues.describe(node));
        }
        double[][] values = new double[rows][];
        for (int i = 0; i < rows; i++) {
            values[i] = numbers(node.get(i), e.path() + "[" + i + "]", cols);
        }
        return Matrix.of(values);
    }

    private static Matrix vector(JsonObjectReader.Element e, int cols) {
        return Matrix.row(numbers(e.node(), e.path(), cols));
    }

    private static double[] numbers(JsonNode node, String path, int count) {
        if (!node.isArray() || node.size() != count) {
            throw new ConfigException(path, "expected " + count + " numbers, got " + JsonValues.describe(node));
        }
        double[] out = new double[count];
        for (int j = 0; j < count; j++) {
            JsonNode v = node.get(j);
            if (!v.isNumber()) {
                throw new ConfigException(path + "[" + j + "]", "expected a number, got " + JsonValues.describe(v));
            }
            out[j] = v.doubleValue();
        }
        return out;
    }
}
