package dev.ouroboros.dream;

import java.time.Clock;

/**
 * Where the scheduler's activity samples come from: {@link ActivityMonitor} reads the real machine through
 * OSHI, {@link ScriptedMetricsSource} replays a scripted machine with a controllable clock.
 */
public interface MetricsSource extends AutoCloseable {

    /**
     * Takes one sample now. Rates cover the interval since the previous call; the first call may report
     * unknown rates (NaN), which count as activity.
     *
     * @return the sample, never null
     */
    ActivitySample sample();

    /** Returns the clock that stamps samples and times sessions and budgets; never null. */
    Clock clock();

    /** Releases what the source holds; the default does nothing. */
    @Override
    default void close() {
    }

    /** Returns a new OSHI-backed monitor of this machine. */
    static MetricsSource oshi() {
        return ActivityMonitor.create();
    }
}
