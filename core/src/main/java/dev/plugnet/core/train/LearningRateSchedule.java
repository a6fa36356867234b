package dev.plugnet.core.train;

import dev.plugnet.core.model.ScheduleSpec;

/**
 * η for each epoch from a {@link ScheduleSpec}: {@code step} multiplies the starting rate by {@code factor}
 * every {@code every} epochs, {@code exponential} by {@code factor} each epoch, {@code cosine} anneals it to
 * {@code min_rate} over the run; without a schedule η stays at its starting value.
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
        int done = epoch - 1;
        return switch (spec.type()) {
            case "step" -> start * Math.pow(spec.factor(), done / spec.every());
            case "exponential" -> start * Math.pow(spec.factor(), done);
            case "cosine" -> {
                double progress = epochs <= 1 ? 0 : (double) done / (epochs - 1);
                yield spec.minRate() + 0.5 * (start - spec.minRate()) * (1 + Math.cos(Math.PI * progress));
            }
            default -> throw new IllegalArgumentException("unknown schedule " + spec.type());
        };
    }
}
