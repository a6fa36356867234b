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
     * Checks a schedule against the rate it starts from: a cosine schedule anneals down to {@code min_rate},
     * so a {@code min_rate} above the starting rate would raise the rate instead.
     *
     * @throws dev.plugnet.api.ConfigException at {@code training.schedule.min_rate} if it is above {@code start}
     */
    public static void check(ScheduleSpec spec, double start) {
        if (spec != null && spec.type() == dev.plugnet.core.model.ScheduleType.COSINE && spec.minRate() > start) {
            throw new dev.plugnet.api.ConfigException("training.schedule.min_rate", "expected at most the optimizer's"
                    + " learning rate (" + start + "): a cosine schedule anneals down to it, got " + spec.minRate());
        }
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
