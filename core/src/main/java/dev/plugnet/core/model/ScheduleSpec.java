package dev.plugnet.core.model;

/**
 * A learning-rate schedule: {@code {"type": "step", "every": 50, "factor": 0.5}} multiplies η by
 * {@code factor} every {@code every} epochs; {@code {"type": "cosine", "min_rate": 0.001}} anneals η from its
 * start value to {@code min_rate} over the run; {@code {"type": "exponential", "factor": 0.99}} multiplies η
 * by {@code factor} each epoch.
 *
 * @param type {@code step}, {@code exponential} or {@code cosine}
 * @param every epochs between steps ({@code step} only)
 * @param factor multiplier ({@code step}, {@code exponential})
 * @param minRate final rate ({@code cosine})
 */
public record ScheduleSpec(String type, int every, double factor, double minRate) {
}
