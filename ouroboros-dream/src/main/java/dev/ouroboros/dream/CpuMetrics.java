package dev.ouroboros.dream;

/**
 * CPU use over the interval since the previous sample, judged against the capacity this process may use.
 *
 * <p>Where a cgroup CPU quota applies (a container), {@code load} is the cgroup's usage against its quota and
 * {@code capacityCores} is the quota; otherwise it is the whole machine's load between OSHI tick samples.
 * A value the platform could not read is {@code NaN}, which the idle state machine treats as activity.
 *
 * @param load          fraction of capacity busy, 0 to 1, or NaN when unknown
 * @param processLoad   fraction of the same capacity used by this JVM, 0 to 1, or NaN when unknown
 * @param capacityCores cores available: the cgroup quota or the logical processor count, or NaN when unknown
 */
public record CpuMetrics(double load, double processLoad, double capacityCores) {

    public CpuMetrics {
        requireFractionOrNaN("load", load);
        requireFractionOrNaN("processLoad", processLoad);
        if (!Double.isNaN(capacityCores) && !(capacityCores > 0 && Double.isFinite(capacityCores))) {
            throw new IllegalArgumentException("capacityCores must be positive or NaN, was " + capacityCores);
        }
    }

    /** Returns CPU metrics that could not be read. */
    public static CpuMetrics unknown() {
        return new CpuMetrics(Double.NaN, Double.NaN, Double.NaN);
    }

    /** Returns whether the system load and capacity were read. */
    public boolean known() {
        return !Double.isNaN(load) && !Double.isNaN(capacityCores);
    }

    static void requireFractionOrNaN(String name, double value) {
        if (!Double.isNaN(value) && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1 or NaN, was " + value);
        }
    }
}
