package dev.plugnet.spark;

import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a DataFrame's features and label are, and the columns that scoring adds, checked against its schema
 * with one message per problem that names the column and what was expected.
 */
final class Columns {
    private Columns() {
    }

    /**
     * @param featuresCol the vector column, used when {@code featureCols} is empty
     * @param featureCols numeric columns, one feature each, in the network's input order
     * @param width the model's inputs
     * @return a reader of the features at their positions in {@code schema}
     */
    static RowReader features(StructType schema, String featuresCol, String[] featureCols, int width) {
        if (featureCols.length > 0) {
            if (featureCols.length != width) {
                throw new PlugnetSparkException("param featureCols", "the model has " + width + " inputs, got "
                        + featureCols.length + " columns " + Arrays.toString(featureCols));
            }
            int[] at = new int[featureCols.length];
            for (int j = 0; j < featureCols.length; j++) {
                StructField f = field(schema, featureCols[j], "a feature");
                if (!(f.dataType() instanceof NumericType)) {
                    throw new PlugnetSparkException("column \"" + featureCols[j] + "\"", "expected a numeric"
                            + " column, got " + f.dataType().simpleString());
                }
                at[j] = schema.fieldIndex(featureCols[j]);
            }
            return RowReader.columns(List.of(featureCols), at);
        }
        StructField f = field(schema, featuresCol, "the features vector (or set featureCols to numeric columns)");
        if (!f.dataType().equals(SQLDataTypes.VectorType())) {
            throw new PlugnetSparkException("column \"" + featuresCol + "\"", "expected a vector column (for numeric"
                    + " columns set featureCols), got " + f.dataType().simpleString());
        }
        return RowReader.vector(featuresCol, schema.fieldIndex(featuresCol), width);
    }

    /** @return the features' names for the checkpoint: the columns, or the vector's attribute names */
    static List<String> featureNames(StructType schema, String featuresCol, String[] featureCols, int width) {
        if (featureCols.length > 0) {
            return List.of(featureCols);
        }
        List<String> names = new ArrayList<>();
        AttributeGroup group = AttributeGroup.fromStructField(schema.apply(featuresCol));
        if (group.attributes().isDefined() && group.size() == width) {
            Attribute[] attributes = group.attributes().get();
            for (Attribute a : attributes) {
                if (a.name().isEmpty()) {
                    names.clear();
                    break;
                }
                names.add(a.name().get());
            }
        }
        if (names.size() != width || names.stream().distinct().count() != width) {
            names.clear();
            for (int j = 0; j < width; j++) {
                names.add(featuresCol + "_" + j);
            }
        }
        return names;
    }

    /** @return the label column's index, after checking it holds strings or numbers */
    static int label(StructType schema, String labelCol) {
        StructField f = field(schema, labelCol, "the labels");
        if (!(f.dataType() instanceof StringType) && !(f.dataType() instanceof NumericType)) {
            throw new PlugnetSparkException("column \"" + labelCol + "\"", "expected class labels (strings or"
                    + " numbers), got " + f.dataType().simpleString());
        }
        return schema.fieldIndex(labelCol);
    }

    /** Checks that {@code column} holds booleans (a validation indicator). */
    static void indicator(StructType schema, String column) {
        StructField f = field(schema, column, "the validation indicator");
        if (!(f.dataType() instanceof org.apache.spark.sql.types.BooleanType)) {
            throw new PlugnetSparkException("column \"" + column + "\"", "expected a boolean column (true: a validation"
                    + " row, false: a training row), got " + f.dataType().simpleString());
        }
    }

    /** @return {@code schema} with the scoring columns that are named (an empty name leaves one out) */
    static StructType scored(StructType schema, String predictionCol, String probabilityCol, String rawPredictionCol,
                             String predictedLabelCol) {
        StructType out = schema;
        out = add(out, predictionCol, DataTypes.DoubleType);
        out = add(out, probabilityCol, SQLDataTypes.VectorType());
        out = add(out, rawPredictionCol, SQLDataTypes.VectorType());
        out = add(out, predictedLabelCol, DataTypes.StringType);
        return out;
    }

    private static StructType add(StructType schema, String name, org.apache.spark.sql.types.DataType type) {
        if (name == null || name.isEmpty()) {
            return schema;
        }
        if (Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new PlugnetSparkException("column \"" + name + "\"", "already exists; choose another output"
                    + " column name or drop it first");
        }
        return schema.add(name, type, false);
    }

    private static StructField field(StructType schema, String name, String what) {
        if (!Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new PlugnetSparkException("column \"" + name + "\"", "not found for " + what + "; the columns are "
                    + Arrays.toString(schema.fieldNames()));
        }
        return schema.apply(name);
    }
}
