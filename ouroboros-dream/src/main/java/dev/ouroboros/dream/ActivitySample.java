package dev.ouroboros.dream;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One reading of the machine's activity, taken by a {@link MetricsSource}; rates cover the interval since the
 * source's previous sample.
 *
 * @param at     when the sample was taken, by the source's clock; never null
 * @param cpu    CPU load; never null
 * @param memory memory in use; never null
 * @param io     disk activity; never null
 * @param power  the power source, empty on machines without one; never null
 */
public record ActivitySample(Instant at, CpuMetrics cpu, MemoryMetrics memory, IoMetrics io,
                             Optional<PowerMetrics> power) {

    public ActivitySample {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(power, "power");
    }

    /** Returns a sample in which nothing could be read, which never counts as idle. */
    public static ActivitySample unknown(Instant at) {
        return new ActivitySample(at, CpuMetrics.unknown(), MemoryMetrics.unknown(), IoMetrics.unknown(), Optional.empty());
    }
}
