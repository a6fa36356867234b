package dev.plugnet.core.train;

import dev.plugnet.core.model.ScheduleSpec;

/**
 * η for each epoch from a {@link ScheduleSpec} (the formulas are {@link dev.plugnet.core.model.ScheduleType}'s);
 * without a schedule η stays at its starting value.
 */
public final class LearningRateSchedule {
    private final ScheduleSpec spec;

    /** @param spec the schedule, or {@code null} for a constant rate */
    public LearningRateSchedule(ScheduleSpec spec) {
        this.spec = spec;
    }

    /**
     * @param start η of the first epoch
     * @param epoch the epoch, from 1
     * @param epochs the run's last epoch
     * @return η for {@code epoch}
     */
    public double rate(double start, int epoch, int epochs) {
        if (spec == null) {
            return start;
        }
        return spec.rate(start, epoch, epochs);
    }
}
