package dev.plugnet.core.model;

/**
 * A learning-rate schedule of the model file's {@code training} section; {@link ScheduleType} holds each type's
 * fields and formula.
 *
 * @param type {@code step}, {@code exponential} or {@code cosine}
 * @param every epochs between steps ({@code step} only)
 * @param factor multiplier ({@code step}, {@code exponential})
 * @param minRate final rate ({@code cosine})
 */
public record ScheduleSpec(ScheduleType type, int every, double factor, double minRate) {
    /** @return η for {@code epoch} (from 1) of a run of {@code epochs}, starting from {@code start} */
    public double rate(double start, int epoch, int epochs) {
        return type.rate(this, start, epoch, epochs);
    }
}
