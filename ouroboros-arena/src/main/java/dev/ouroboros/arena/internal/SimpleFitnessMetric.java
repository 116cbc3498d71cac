package dev.ouroboros.arena.internal;

import dev.ouroboros.arena.FitnessEvidence;
import dev.ouroboros.arena.FitnessMetric;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A {@link FitnessMetric} made of a name, a unit, a direction and a function: the built-in metrics
 * and those made with {@link FitnessMetric#of}.
 *
 * @param name           a short unique name; not blank
 * @param unit           the unit of the values; never null
 * @param higherIsBetter the direction
 * @param measure        reads the value from the evidence; never null
 */
public record SimpleFitnessMetric(String name, String unit, boolean higherIsBetter,
        Function<FitnessEvidence, OptionalDouble> measure) implements FitnessMetric {

    /** Validates the fields. */
    public SimpleFitnessMetric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(measure, "measure");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a metric needs a name, was '" + name + "'");
        }
    }

    @Override
    public OptionalDouble measure(FitnessEvidence evidence) {
        OptionalDouble value = measure.apply(Objects.requireNonNull(evidence, "evidence"));
        return value.isPresent() && !Double.isFinite(value.getAsDouble()) ? OptionalDouble.empty() : value;
    }

    @Override
    public String toString() {
        return name + " (" + unit + ", " + (higherIsBetter ? "higher" : "lower") + " is better)";
    }
}
