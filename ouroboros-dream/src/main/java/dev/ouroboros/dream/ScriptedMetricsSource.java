package dev.ouroboros.dream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * A scripted machine with a controllable clock, for deterministic tests of the scheduler without sleeps.
 *
 * <p>A test sets the activity the next samples report ({@link #quiet()}, {@link #busy()}, {@link #set}),
 * moves time with {@link #advance(Duration)}, and calls {@link DreamScheduler#tick()} itself instead of
 * {@link DreamScheduler#start()}. Thread-safe.
 */
public final class ScriptedMetricsSource implements MetricsSource {

    private static final long MEMORY_LIMIT = 16L << 30;

    private final MutableClock clock;
    private CpuMetrics cpu = new CpuMetrics(0.01, 0.0, 2);
    private MemoryMetrics memory = MemoryMetrics.ofFraction(0.30);
    private IoMetrics io = new IoMetrics(0, 0);
    private Optional<PowerMetrics> power = Optional.empty();
    private long samples;

    private ScriptedMetricsSource(Instant start) {
        this.clock = new MutableClock(start);
    }

    /** Returns a quiet scripted machine whose clock starts at 2026-01-01T00:00Z. */
    public static ScriptedMetricsSource create() {
        return startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Returns a quiet scripted machine whose clock (zone UTC) starts at {@code start}. */
    public static ScriptedMetricsSource startingAt(Instant start) {
        return new ScriptedMetricsSource(Objects.requireNonNull(start, "start"));
    }

    /** Moves the clock forward; {@code step} must not be negative. */
    public ScriptedMetricsSource advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("step must not be negative, was " + step);
        }
        clock.advance(step);
        return this;
    }

    /** Makes the next samples quiet: CPU 1%, memory 30%, no disk activity. */
    public synchronized ScriptedMetricsSource quiet() {
        return set(0.01, 0.30, 0);
    }

    /** Makes the next samples busy: CPU 90%. */
    public synchronized ScriptedMetricsSource busy() {
        return set(0.90, memory.known() ? memory.usedFraction() : 0.30, io.known() ? io.opsPerSecond() : 0);
    }

    /** Sets CPU load (fraction of 2 cores), memory use (fraction) and disk operations per second. */
    public synchronized ScriptedMetricsSource set(double cpuLoad, double memoryUsed, double diskOpsPerSecond) {
        this.cpu = new CpuMetrics(cpuLoad, 0.0, 2);
        this.memory = new MemoryMetrics(Math.round(MEMORY_LIMIT * memoryUsed), MEMORY_LIMIT);
        this.io = new IoMetrics(diskOpsPerSecond, diskOpsPerSecond * 4096);
        return this;
    }

    /** Makes every metric unreadable, as on a platform OSHI does not support. */
    public synchronized ScriptedMetricsSource unreadable() {
        this.cpu = CpuMetrics.unknown();
        this.memory = MemoryMetrics.unknown();
        this.io = IoMetrics.unknown();
        return this;
    }

    /** Sets the power source the next samples report; empty for a machine without one. */
    public synchronized ScriptedMetricsSource power(Optional<PowerMetrics> power) {
        this.power = Objects.requireNonNull(power, "power");
        return this;
    }

    /** Returns how many samples have been taken. */
    public synchronized long samplesTaken() {
        return samples;
    }

    @Override
    public synchronized ActivitySample sample() {
        samples++;
        return new ActivitySample(clock.instant(), cpu, memory, io, power);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        synchronized void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the scripted clock is always UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
