package dev.ouroboros.arena;

import java.util.Objects;

/**
 * One metric's value for one candidate.
 *
 * @param metric         the metric's name; not blank
 * @param value          the measured value in {@code unit}; NaN when it could not be measured (ranked worst)
 * @param unit           the unit, e.g. {@code "ns/op"}; never null
 * @param higherIsBetter the metric's direction
 */
public record FitnessValue(String metric, double value, String unit, boolean higherIsBetter) {

    /** Validates the name and the value. */
    public FitnessValue {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("a fitness value needs a metric name, was '" + metric + "'");
        }
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("a fitness value must be finite or NaN, was " + value + " for " + metric);
        }
    }

    /** True when the value was measured. */
    public boolean measured() {
        return !Double.isNaN(value);
    }

    /** The value turned so that higher is always better; negative infinity when not measured. */
    public double oriented() {
        return !measured() ? Double.NEGATIVE_INFINITY : higherIsBetter ? value : -value;
    }
}
