package dev.ouroboros.arena;

import java.util.OptionalDouble;

/** A third-party-style metric registered through {@code META-INF/services}, for {@link FitnessScoreTest}. */
public final class ConstantTestMetric implements FitnessMetric {

    @Override
    public String name() {
        return "test-only.constant";
    }

    @Override
    public String unit() {
        return "1";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public OptionalDouble measure(FitnessEvidence evidence) {
        return OptionalDouble.of(1);
    }
}
