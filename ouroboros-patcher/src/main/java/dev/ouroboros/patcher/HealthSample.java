package dev.ouroboros.patcher;

/**
 * Cumulative counters of the patched methods' calls, as a {@link HealthProbe} reads them.
 *
 * @param calls calls completed so far, never negative
 * @param failures calls that ended with an exception, between 0 and {@code calls}
 * @param totalNanos time spent in those calls, in nanoseconds, never negative
 */
public record HealthSample(long calls, long failures, long totalNanos) {

    /** Validates the counters. */
    public HealthSample {
        if (calls < 0 || totalNanos < 0) {
            throw new IllegalArgumentException("calls and totalNanos must not be negative, were " + calls + " and "
                    + totalNanos);
        }
        if (failures < 0 || failures > calls) {
            throw new IllegalArgumentException("failures must be between 0 and calls (" + calls + "), was " + failures);
        }
    }

    /** Returns the counters accumulated since the earlier sample. */
    public HealthSample minus(HealthSample earlier) {
        return new HealthSample(calls - earlier.calls, failures - earlier.failures, totalNanos - earlier.totalNanos);
    }

    /** Returns the mean time per call in nanoseconds, 0 without calls. */
    public double meanNanos() {
        return calls == 0 ? 0 : (double) totalNanos / calls;
    }

    /** Returns the share of calls that failed, 0 without calls. */
    public double failureRate() {
        return calls == 0 ? 0 : (double) failures / calls;
    }
}
