package dev.ouroboros.dream;

import java.time.Duration;
import java.util.Objects;

/**
 * When the machine counts as quiet, and for how long it must stay quiet before it counts as idle.
 *
 * <p>A sample is quiet when CPU load (minus the CPU used by dream workers), memory use and disk operations are
 * all under their thresholds and every one of them could be read. The machine is idle after quiet samples
 * have held for {@code idleTime}; the first sample that is not quiet makes it active again.
 *
 * @param maxCpuLoad          CPU load must stay below this fraction of capacity; default 0.05
 * @param maxMemoryUsed       memory use must stay below this fraction of the limit; default 0.80
 * @param maxDiskOpsPerSecond disk operations per second must stay below this; default 10
 * @param idleTime            how long every threshold must hold, 30 s to 1 h; default 2 minutes
 */
public record IdleThresholds(double maxCpuLoad, double maxMemoryUsed, double maxDiskOpsPerSecond, Duration idleTime) {

    static final Duration MIN_IDLE_TIME = Duration.ofSeconds(30);
    static final Duration MAX_IDLE_TIME = Duration.ofHours(1);

    public IdleThresholds {
        if (!(maxCpuLoad > 0 && maxCpuLoad <= 1)) {
            throw new IllegalArgumentException("maxCpuLoad must be in (0, 1], was " + maxCpuLoad);
        }
        if (!(maxMemoryUsed > 0 && maxMemoryUsed <= 1)) {
            throw new IllegalArgumentException("maxMemoryUsed must be in (0, 1], was " + maxMemoryUsed);
        }
        if (!(maxDiskOpsPerSecond > 0 && Double.isFinite(maxDiskOpsPerSecond))) {
            throw new IllegalArgumentException("maxDiskOpsPerSecond must be positive and finite, was " + maxDiskOpsPerSecond);
        }
        Objects.requireNonNull(idleTime, "idleTime");
        if (idleTime.compareTo(MIN_IDLE_TIME) < 0 || idleTime.compareTo(MAX_IDLE_TIME) > 0) {
            throw new IllegalArgumentException("idleTime must be between 30 s and 1 h, was " + idleTime);
        }
    }

    /** Returns the defaults: CPU below 5%, memory below 80%, disk below 10 ops/s, for 2 minutes. */
    public static IdleThresholds defaults() {
        return builder().build();
    }

    /** Returns a builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link IdleThresholds}; every value is checked at {@link #build()}. */
    public static final class Builder {
        private double maxCpuLoad = 0.05;
        private double maxMemoryUsed = 0.80;
        private double maxDiskOpsPerSecond = 10;
        private Duration idleTime = Duration.ofMinutes(2);

        private Builder() {
        }

        /** Sets the CPU load threshold as a fraction of capacity, in (0, 1]. */
        public Builder maxCpuLoad(double fraction) {
            this.maxCpuLoad = fraction;
            return this;
        }

        /** Sets the memory threshold as a fraction of the memory limit, in (0, 1]. */
        public Builder maxMemoryUsed(double fraction) {
            this.maxMemoryUsed = fraction;
            return this;
        }

        /** Sets the disk threshold in operations per second, positive. */
        public Builder maxDiskOpsPerSecond(double opsPerSecond) {
            this.maxDiskOpsPerSecond = opsPerSecond;
            return this;
        }

        /** Sets how long every threshold must hold before the machine counts as idle, 30 s to 1 h. */
        public Builder idleTime(Duration idleTime) {
            this.idleTime = idleTime;
            return this;
        }

        /**
         * Returns the thresholds.
         *
         * @throws IllegalArgumentException naming the value out of range
         */
        public IdleThresholds build() {
            return new IdleThresholds(maxCpuLoad, maxMemoryUsed, maxDiskOpsPerSecond, idleTime);
        }
    }
}
