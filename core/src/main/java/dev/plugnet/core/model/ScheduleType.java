package dev.plugnet.core.model;

import dev.plugnet.api.OptionSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The learning-rate schedules, each with its name in the model file, its fields (name, default, bounds and
 * description, from which the reader checks, the writer writes and the JSON schema is built) and its formula:
 * the one home of every schedule rule.
 */
public enum ScheduleType {
    /** {@code {"type": "step", "every": 50, "factor": 0.5}}: η·factor^⌊(epoch−1)/every⌋. */
    STEP("step", List.of(
            new Field(OptionSpec.requiredInteger("every", "Epochs between steps.").atLeast(1), ScheduleSpec::every),
            new Field(factor(0.5, "Multiplier applied every `every` epochs."), ScheduleSpec::factor))) {
        @Override
        ScheduleSpec create(Map<String, Double> values) {
            return new ScheduleSpec(this, values.get("every").intValue(), values.get("factor"), 0.0);
        }

        @Override
        public double rate(ScheduleSpec spec, double start, int epoch, int epochs) {
            return start * Math.pow(spec.factor(), (epoch - 1) / spec.every());
        }
    },
    /** {@code {"type": "exponential", "factor": 0.99}}: η·factor^(epoch−1). */
    EXPONENTIAL("exponential", List.of(
            new Field(factor(0.99, "Multiplier applied each epoch."), ScheduleSpec::factor))) {
        @Override
        ScheduleSpec create(Map<String, Double> values) {
            return new ScheduleSpec(this, 1, values.get("factor"), 0.0);
        }

        @Override
        public double rate(ScheduleSpec spec, double start, int epoch, int epochs) {
            return start * Math.pow(spec.factor(), epoch - 1);
        }
    },
    /** {@code {"type": "cosine", "min_rate": 0.001}}: η anneals along half a cosine to min_rate at the last epoch. */
    COSINE("cosine", List.of(
            new Field(OptionSpec.number("min_rate", 0.0, "Final learning rate.").atLeast(0), ScheduleSpec::minRate))) {
        @Override
        ScheduleSpec create(Map<String, Double> values) {
            return new ScheduleSpec(this, 1, 1.0, values.get("min_rate"));
        }

        @Override
        public double rate(ScheduleSpec spec, double start, int epoch, int epochs) {
            double progress = epochs <= 1 ? 0 : (double) (epoch - 1) / (epochs - 1);
            return spec.minRate() + 0.5 * (start - spec.minRate()) * (1 + Math.cos(Math.PI * progress));
        }
    };

    /**
     * One field of a schedule: its option spec and where a {@link ScheduleSpec} keeps its value.
     *
     * @param spec the name, default, bounds and description
     * @param value the field's value in a spec
     */
    public record Field(OptionSpec spec, ToDoubleFunction<ScheduleSpec> value) {
    }

    private final String jsonName;
    private final List<Field> fields;

    ScheduleType(String jsonName, List<Field> fields) {
        this.jsonName = jsonName;
        this.fields = fields;
    }

    private static OptionSpec factor(double defaultValue, String description) {
        return OptionSpec.number("factor", defaultValue, description).atLeast(1e-12).atMost(1);
    }

    /** @return the schedule's {@code type} in the model file */
    public String jsonName() {
        return jsonName;
    }

    /** @return the fields besides {@code type}, in the order they are written */
    public List<Field> fields() {
        return fields;
    }

    /** @return the spec of this type with the given field values (every field present, already checked) */
    abstract ScheduleSpec create(Map<String, Double> values);

    /**
     * @param spec a schedule of this type
     * @param start η of the first epoch
     * @param epoch the epoch, from 1
     * @param epochs the run's last epoch
     * @return η for {@code epoch}
     */
    public abstract double rate(ScheduleSpec spec, double start, int epoch, int epochs);

    /** @return the type called {@code jsonName} in the model file */
    public static Optional<ScheduleType> named(String jsonName) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(jsonName)).findFirst();
    }

    /** @return the names of every type, for messages: {@code "step", "exponential", "cosine"} */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(t -> '"' + t.jsonName + '"').toList());
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
